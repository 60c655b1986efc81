using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// The InfluxDB store's log messages, in one place so that its event ids (1300–1329) stay unique across the store,
/// its sender and its spool. Nothing logged here carries a credential: addresses are logged without user info, and
/// tokens and passwords only travel in request headers.
/// </summary>
internal static partial class InfluxDbStoreLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "InfluxDB store writes to {Url}, database {Database}, retention policy {RetentionPolicy}, authentication: {Authentication}")]
    public static partial void Opened(ILogger logger, string url, string database, string retentionPolicy, string authentication);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "The InfluxDB spool at {Path} holds {Files} batches ({Bytes} bytes) from before; they are sent first")]
    public static partial void SpoolFound(ILogger logger, string path, int files, long bytes);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "InfluxDB at {Url} is unreachable ({Reason}); batches go to the spool at {Path} until it answers")]
    public static partial void Unreachable(ILogger logger, string url, string reason, string path);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "InfluxDB at {Url} answers again after {Failures} failed attempts; {Files} spooled batches follow in order")]
    public static partial void Reachable(ILogger logger, string url, int failures, int files);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Writing {Lines} lines to InfluxDB failed ({Reason}); next attempt in {Delay}")]
    public static partial void WriteFailed(ILogger logger, int lines, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Error, Message = "InfluxDB refused {Rejected} of {Lines} lines with {StatusCode}: {Error}; they are not sent again")]
    public static partial void Rejected(ILogger logger, int rejected, int lines, int statusCode, string error);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Error, Message = "The InfluxDB spool hit its bound ({Bound}): dropped its oldest batch, {Lines} lines ({Bytes} bytes, written {CreatedAt:O}); these points are lost")]
    public static partial void SpoolDropped(ILogger logger, string bound, int lines, long bytes, DateTimeOffset createdAt);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Error, Message = "Could not put a batch of {Lines} lines into the spool at {Path}; these points are lost")]
    public static partial void SpoolWriteFailed(ILogger logger, Exception exception, int lines, string path);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Warning, Message = "The InfluxDB store's memory queue is full ({Batches} batches); new batches go to the spool until InfluxDB catches up")]
    public static partial void QueueFull(ILogger logger, int batches);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Information, Message = "The InfluxDB spool is drained")]
    public static partial void SpoolDrained(ILogger logger);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Error, Message = "The InfluxDB sender failed unexpectedly; it carries on in {Delay}")]
    public static partial void SenderFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "The InfluxDB store stopped with {Files} batches ({Bytes} bytes) in the spool at {Path}; they are sent on the next start")]
    public static partial void StoppedWithSpool(ILogger logger, int files, long bytes, string path);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Information, Message = "Deleted points older than {Cutoff:O} from InfluxDB database {Database}")]
    public static partial void RetentionApplied(ILogger logger, DateTimeOffset cutoff, string database);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Warning, Message = "Skipped spool file {Path}: {Reason}")]
    public static partial void SpoolFileSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Information, Message = "InfluxDB at {Url} answers, version {Version}")]
    public static partial void Pinged(ILogger logger, string url, string version);

    [LoggerMessage(EventId = 1315, Level = LogLevel.Error, Message = "Sealing the open InfluxDB batch failed; the next tick or flush tries again")]
    public static partial void SealFailed(ILogger logger, Exception exception);
}
