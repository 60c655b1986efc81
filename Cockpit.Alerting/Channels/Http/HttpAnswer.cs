namespace Cockpit.Alerting.Channels.Http;

/// <summary>What came back from one HTTP attempt: the status and body, or why nothing came back.</summary>
/// <param name="Status">The HTTP status; 0 when there was no answer.</param>
/// <param name="Body">The response body as text (empty when none).</param>
/// <param name="RetryAfter">The wait the server asked for (Retry-After as seconds or as a date), if it did.</param>
/// <param name="TransportError">Connection refused, reset, DNS, TLS or the timeout; null when the server answered.</param>
internal sealed record HttpAnswer(int Status, string Body, TimeSpan? RetryAfter, string? TransportError)
{
    public bool IsSuccess => TransportError is null && Status is >= 200 and < 300;

    /// <summary>Answers that may be different next time: no answer, 5xx, 429 Too Many Requests, 408 Request Timeout.</summary>
    public bool IsTransient => TransportError is not null || Status >= 500 || Status is 429 or 408;

    /// <summary>The status and the start of the body, for the delivery's error.</summary>
    public string Describe() =>
        TransportError ?? $"HTTP {Status}" + (Body.Length == 0 ? "" : ": " + Text.PlainText.Line(Body, 300));
}
