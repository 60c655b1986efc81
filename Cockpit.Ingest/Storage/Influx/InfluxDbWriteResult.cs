namespace Cockpit.Ingest.Storage.Influx;

/// <summary>What became of one write.</summary>
/// <param name="Retry">True when the write failed in a way worth trying again (nothing of it counts as written).</param>
/// <param name="LinesWritten">Lines InfluxDB stored.</param>
/// <param name="LinesRejected">Lines InfluxDB refused as bad data (a 4xx; partial writes store the rest).</param>
/// <param name="StatusCode">The HTTP status, or 0 when no answer came.</param>
/// <param name="Error">InfluxDB's error text or the transport's, when not a plain success.</param>
/// <param name="RetryAfter">How long InfluxDB asked us to wait (429/503 <c>Retry-After</c>).</param>
internal readonly record struct InfluxDbWriteResult(
    bool Retry,
    int LinesWritten,
    int LinesRejected,
    int StatusCode,
    string? Error,
    TimeSpan? RetryAfter = null)
{
    public static InfluxDbWriteResult Written(int lines, int statusCode) => new(false, lines, 0, statusCode, null);

    public static InfluxDbWriteResult Failed(int statusCode, string error, TimeSpan? retryAfter = null) =>
        new(true, 0, 0, statusCode, error, retryAfter);

    public static InfluxDbWriteResult Rejected(int lines, int rejected, int statusCode, string error) =>
        new(false, lines - rejected, rejected, statusCode, error);
}
