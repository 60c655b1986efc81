namespace Cockpit.Alerting.Channels;

/// <summary>What one delivery attempt achieved.</summary>
/// <param name="Delivered">The receiver took the message.</param>
/// <param name="Retryable">Not delivered, but worth another attempt (timeouts, 5xx, 429, the platform's own rate limit).</param>
/// <param name="Error">What went wrong, in plain text, for logs and /healthz.</param>
/// <param name="RetryAfter">The receiver asked to wait this long (HTTP Retry-After), if it said.</param>
public sealed record DeliveryOutcome(bool Delivered, bool Retryable, string? Error, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Ok { get; } = new(true, false, null);

    public static DeliveryOutcome Retry(string error, TimeSpan? after = null) => new(false, true, error, after);

    public static DeliveryOutcome Fail(string error) => new(false, false, error);
}
