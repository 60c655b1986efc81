namespace Cockpit.Ingest.Resilience;

/// <summary>How long to wait before the next attempt to reach a server that failed (the MQTT broker, InfluxDB).</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// Exponential backoff with "equal jitter": the ceiling doubles per failed attempt from <paramref name="min"/> up to
    /// <paramref name="max"/>, and the wait is drawn from the upper half of it. The upper half keeps a floor under the
    /// wait (a server that is down is not hammered), the random half spreads the clients that lost the same server at
    /// the same moment so they do not all come back in the same instant.
    /// </summary>
    /// <param name="attempt">Failed attempts so far in a row (0 for the first retry).</param>
    /// <param name="min">The first wait, and the shortest.</param>
    /// <param name="max">The longest wait.</param>
    /// <param name="jitter">A uniform random sample in [0, 1].</param>
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        jitter = double.IsNaN(jitter) ? 0 : Math.Clamp(jitter, 0, 1);

        // Doubles, so a long outage (attempt in the thousands) saturates at max instead of overflowing.
        var ceiling = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, Math.Min(attempt, 62)));
        var wait = (long)(ceiling * (0.5 + (0.5 * jitter)));
        return TimeSpan.FromTicks(Math.Clamp(wait, min.Ticks, max.Ticks));
    }
}
