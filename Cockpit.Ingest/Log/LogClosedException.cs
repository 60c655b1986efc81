namespace Cockpit.Ingest.Log;

/// <summary>The ingest log takes no more writes: Cockpit is stopping, or the log failed to write to disk (HTTP 503).</summary>
public sealed class LogClosedException : Exception
{
    public LogClosedException()
        : base("The ingest log is closing (or cannot write to disk) and accepts no more points.")
    {
    }

    public LogClosedException(string message)
        : base(message)
    {
    }

    public LogClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
