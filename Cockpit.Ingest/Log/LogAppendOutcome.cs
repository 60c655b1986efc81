namespace Cockpit.Ingest.Log;

/// <summary>What became of a batch handed to the log.</summary>
public enum LogAppendOutcome
{
    /// <summary>On disk and fsynced: it survives a crash.</summary>
    Appended,

    /// <summary>The log is at its size limit; retry once consumers have caught up (HTTP 429).</summary>
    Full,

    /// <summary>The batch is bigger than a segment and can never be appended (HTTP 413).</summary>
    TooLarge,

    /// <summary>The log is closing and takes nothing more (HTTP 503).</summary>
    Closed,
}
