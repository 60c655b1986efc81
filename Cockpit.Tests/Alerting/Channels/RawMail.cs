using System.Text;
using System.Text.RegularExpressions;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>
/// Reads a raw RFC 5322 message as an SMTP server received it: unfolded headers with RFC 2047 encoded words decoded,
/// and the leaf parts of a multipart body with their transfer encoding (base64, quoted-printable) undone. Written
/// for the tests, independent of System.Net.Mail, so the channel's output is checked by something that did not make it.
/// </summary>
internal sealed partial class RawMail
{
    private RawMail(IReadOnlyList<(string Name, string Value)> headers, IReadOnlyList<Part> parts)
    {
        Headers = headers;
        Parts = parts;
    }

    /// <summary>Top-level headers in order, values unfolded and decoded.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; }

    /// <summary>The leaf parts, in order (the message itself when it is not multipart).</summary>
    public IReadOnlyList<Part> Parts { get; }

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public Part Single(string mediaType) => Parts.Single(p => p.ContentType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase));

    public static RawMail Parse(string raw)
    {
        var (headers, body) = Split(raw);
        return new RawMail(headers, Leaves(headers, body));
    }

    private static (List<(string Name, string Value)> Headers, string Body) Split(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var body = end < 0 ? "" : raw[(end + 4)..];
        var headers = new List<(string, string)>();
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var (name, value) = headers[^1];
                headers[^1] = (name, value + line);
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                headers.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return ([.. headers.Select(h => (h.Item1, DecodeWords(h.Item2)))], body);
    }

    private static List<Part> Leaves(IReadOnlyList<(string Name, string Value)> headers, string body)
    {
        string Get(string name) => headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault() ?? "";
        var contentType = Get("Content-Type");
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return [new Part(contentType, Get("Content-Transfer-Encoding"), Decode(body, Get("Content-Transfer-Encoding")))];
        }

        var boundary = BoundaryPattern().Match(contentType).Groups[1].Value.Trim('"');
        var parts = new List<Part>();
        var sections = body.Split("--" + boundary);
        foreach (var section in sections.Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var (partHeaders, partBody) = Split(section.StartsWith("\r\n", StringComparison.Ordinal) ? section[2..] : section);
            parts.AddRange(Leaves(partHeaders, partBody.EndsWith("\r\n", StringComparison.Ordinal) ? partBody[..^2] : partBody));
        }

        return parts;
    }

    private static string Decode(string body, string transferEncoding) => transferEncoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    // RFC 2047: whitespace between two adjacent encoded words is not part of the text.
    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(AdjacentWordsPattern().Replace(value, "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var data = m.Groups[3].Value;
            return m.Groups[2].Value.ToUpperInvariant() == "B"
                ? charset.GetString(Convert.FromBase64String(data))
                : QuotedPrintable(data.Replace('_', ' '));
        });

    [GeneratedRegex(@"boundary=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    /// <summary>One leaf part: its content type, transfer encoding and decoded text.</summary>
    public sealed record Part(string ContentType, string TransferEncoding, string Text);
}
