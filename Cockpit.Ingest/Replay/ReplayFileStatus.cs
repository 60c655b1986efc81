namespace Cockpit.Ingest.Replay;

/// <summary>Progress of one replayed file; counters are cumulative over loop rounds and safe to read at any time.</summary>
public sealed class ReplayFileStatus
{
    private long _linesRead;
    private long _pointsPublished;
    private long _linesRejected;
    private long _rounds;
    private ReplayLineError? _firstError;
    private string? _error;
    private volatile bool _done;

    /// <summary>Creates the status of the file at <paramref name="path"/> (as configured).</summary>
    public ReplayFileStatus(string path, ReplayFormat format)
    {
        Path = path;
        Format = format;
    }

    /// <summary>The file's path as configured.</summary>
    public string Path { get; }

    /// <summary>How the file encodes points.</summary>
    public ReplayFormat Format { get; }

    /// <summary>Lines read, blank lines, comments and the CSV header included.</summary>
    public long LinesRead => Interlocked.Read(ref _linesRead);

    /// <summary>Points handed to the ingest bus.</summary>
    public long PointsPublished => Interlocked.Read(ref _pointsPublished);

    /// <summary>Lines or rows rejected (malformed, invalid values, over the series limit, …).</summary>
    public long LinesRejected => Interlocked.Read(ref _linesRejected);

    /// <summary>Rounds completed (more than one with <see cref="ReplayOptions.Loop"/>).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>The first rejected line, or null.</summary>
    public ReplayLineError? FirstError => Volatile.Read(ref _firstError);

    /// <summary>Why the file could not be replayed at all (missing, unreadable, bad CSV header), or null.</summary>
    public string? Error => Volatile.Read(ref _error);

    /// <summary>True once the file has been replayed to its end (never while looping) or has failed.</summary>
    public bool Done => _done;

    /// <summary>Records that <paramref name="count"/> more lines were read.</summary>
    internal void AddLinesRead(long count) => Interlocked.Add(ref _linesRead, count);

    /// <summary>Records points handed to the bus.</summary>
    internal void AddPointsPublished(long count) => Interlocked.Add(ref _pointsPublished, count);

    /// <summary>Records a rejected line; the first one is kept.</summary>
    internal void AddRejected(ReplayLineError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Interlocked.Increment(ref _linesRejected);
        Interlocked.CompareExchange(ref _firstError, error, null);
    }

    /// <summary>Records the end of a round.</summary>
    internal void AddRound() => Interlocked.Increment(ref _rounds);

    /// <summary>Records that the file could not be replayed; marks it done.</summary>
    internal void Fail(string error)
    {
        Volatile.Write(ref _error, error);
        _done = true;
    }

    /// <summary>Marks the file replayed to its end.</summary>
    internal void Complete() => _done = true;
}
