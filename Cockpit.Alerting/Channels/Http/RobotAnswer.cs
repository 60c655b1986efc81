using System.Text.Json;

namespace Cockpit.Alerting.Channels.Http;

/// <summary>
/// Reads a chat robot's answer: the robots answer HTTP 200 with a JSON code (<c>errcode</c> or <c>code</c>), 0 for
/// delivered. A code the platform uses for "too fast" is worth another attempt; other codes will not get better.
/// </summary>
internal static class RobotAnswer
{
    /// <summary>Classifies one attempt.</summary>
    /// <param name="answer">What came back.</param>
    /// <param name="platform">The platform's name for the error, e.g. <c>WeCom</c>.</param>
    /// <param name="codeNames">The JSON properties the code may be in, in order.</param>
    /// <param name="messageNames">The JSON properties the message may be in, in order.</param>
    /// <param name="retryCodes">Codes that mean "too fast, try again later".</param>
    public static DeliveryOutcome Classify(HttpAnswer answer, string platform, string[] codeNames, string[] messageNames, IReadOnlySet<long> retryCodes)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.TransportError is not null)
        {
            return DeliveryOutcome.Retry(answer.TransportError);
        }

        var (code, message) = Read(answer.Body, codeNames, messageNames);
        if (code is { } c && retryCodes.Contains(c))
        {
            return DeliveryOutcome.Retry($"{platform} code {c}: {message}", answer.RetryAfter);
        }

        if (answer.IsTransient)
        {
            return DeliveryOutcome.Retry(answer.Describe(), answer.RetryAfter);
        }

        if (!answer.IsSuccess)
        {
            return DeliveryOutcome.Fail(code is null ? answer.Describe() : $"HTTP {answer.Status}, {platform} code {code}: {message}");
        }

        return code switch
        {
            0 => DeliveryOutcome.Ok,
            null => DeliveryOutcome.Fail($"{platform} answered without a code: {answer.Describe()}"),
            _ => DeliveryOutcome.Fail($"{platform} code {code}: {message}"),
        };
    }

    private static (long? Code, string Message) Read(string body, string[] codeNames, string[] messageNames)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "");
            }

            long? code = null;
            foreach (var name in codeNames)
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
                {
                    code = number;
                    break;
                }
            }

            var message = messageNames
                .Select(n => document.RootElement.TryGetProperty(n, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null)
                .FirstOrDefault(m => m is not null) ?? "";
            return (code, Text.PlainText.Line(message, 300));
        }
        catch (JsonException)
        {
            return (null, "");
        }
    }
}
