using System.Globalization;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// Links put into markdown, cards and HTML. Only absolute http(s) URLs become links (a <c>javascript:</c> URL never
/// does), and the characters that would end a markdown link or an HTML attribute early are percent-encoded.
/// </summary>
internal static class SafeLink
{
    private static readonly char[] Unsafe = ['(', ')', '<', '>', '"', '\'', ' ', '[', ']', '`', '\\'];

    /// <summary>The URL made safe to embed, or null when it is not an absolute http(s) URL.</summary>
    public static string? Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var text = uri.AbsoluteUri;
        return text.IndexOfAny(Unsafe) < 0 ? text : string.Concat(text.Select(Encode));
    }

    private static string Encode(char c) =>
        Array.IndexOf(Unsafe, c) >= 0 ? "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : c.ToString();
}
