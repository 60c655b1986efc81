namespace Cockpit.Ingest.Log;

/// <summary>Reads one partition of the log forward from an offset. Not thread-safe: one per consumer and partition.</summary>
public interface ILogReader : IDisposable
{
    /// <summary>The partition read.</summary>
    int Partition { get; }

    /// <summary>The offset of the next record this reader returns.</summary>
    long Position { get; }

    /// <summary>The next durable record, or false when the reader is at the end of what has been appended.</summary>
    bool TryRead(out LogRecord record);
}
