namespace Cockpit.Ingest.Replay;

/// <summary>What the file replay has done so far; read by health checks and the wall.</summary>
public sealed class ReplayStatus
{
    private volatile IReadOnlyList<ReplayFileStatus> _files = [];
    private volatile bool _running;

    /// <summary>Whether a replay is in progress.</summary>
    public bool Running => _running;

    /// <summary>One entry per configured file, in configuration order; empty before the replay starts.</summary>
    public IReadOnlyList<ReplayFileStatus> Files => _files;

    internal void Start(IReadOnlyList<ReplayFileStatus> files)
    {
        _files = files;
        _running = true;
    }

    internal void Stop() => _running = false;
}
