using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// One run of a <see cref="ReplayPacer"/>: pulls batches (round after round when looping), moves their timestamps
/// by the loop round and <see cref="ReplayPacer.ShiftToNow"/>, and says when each is due relative to the start.
/// Shared by the scheduler and the <see cref="TimeProvider"/> drivers so both pace identically.
/// </summary>
internal sealed class ReplayTimeline : IDisposable
{
    // A file with a single timestamp still needs rounds to move on when looping.
    private static readonly long MinLoopGapNs = UnixTime.ToNanos(TimeSpan.FromSeconds(1));

    private readonly ReplayPacer _pacer;
    private readonly Func<IEnumerable<ReplayBatch>> _open;
    private readonly DateTimeOffset _start;
    private readonly Lock _gate = new();
    private IEnumerator<ReplayBatch>? _batches;
    private bool _disposed;
    private bool _roundHadBatch;
    private long _round;
    private long _firstNs;
    private long _lastNs;
    private long _lastGapNs;
    private long _periodNs;
    private long _startShiftNs;
    private bool _started;
    private TimeSpan _lastDue;

    public ReplayTimeline(ReplayPacer pacer, Func<IEnumerable<ReplayBatch>> open, DateTimeOffset start)
    {
        _pacer = pacer;
        _open = open;
        _start = start;
    }

    /// <summary>
    /// Reads the next batch (timestamps already moved) and the instant it is due; false when the replay is over.
    /// Due times never go backwards: a batch older than the one before it is due at once.
    /// </summary>
    public bool TryNext(out ReplayBatch batch, out DateTimeOffset due)
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                _batches ??= _open().GetEnumerator();
                if (!_batches.MoveNext())
                {
                    _batches.Dispose();
                    _batches = null;
                    if (!_pacer.Loop || !_roundHadBatch || !TryStartNextRound())
                    {
                        break;
                    }

                    continue;
                }

                _roundHadBatch = true;
                batch = Place(_batches.Current, out var offset);
                _lastDue = offset > _lastDue ? offset : _lastDue;
                due = _start + _lastDue;
                return true;
            }

            batch = null!;
            due = default;
            return false;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _batches?.Dispose();
            _batches = null;
        }
    }

    private ReplayBatch Place(ReplayBatch recorded, out TimeSpan offset)
    {
        var timestamp = recorded.TimestampNs;
        if (!_started)
        {
            _started = true;
            _firstNs = _lastNs = timestamp;
            _startShiftNs = _pacer.ShiftToNow ? UnixTime.ToNanos(_start) - timestamp : 0;
        }

        if (_round == 0 && timestamp > _lastNs)
        {
            _lastGapNs = timestamp - _lastNs;
            _lastNs = timestamp;
        }

        var loopShiftNs = _round * _periodNs;
        offset = _pacer.Speed.Scale(TimeSpan.FromTicks((timestamp + loopShiftNs - _firstNs) / UnixTime.NanosPerTick));
        var shiftNs = _startShiftNs + loopShiftNs;
        if (shiftNs == 0)
        {
            return recorded;
        }

        var points = recorded.Points;
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = points[i] with { TimestampNs = points[i].TimestampNs + shiftNs };
        }

        return recorded with { TimestampNs = timestamp + shiftNs };
    }

    private bool TryStartNextRound()
    {
        if (_round == 0)
        {
            // The next round follows the last point after the file's own last gap, so the series stays regular.
            _periodNs = _lastNs - _firstNs + Math.Max(_lastGapNs, MinLoopGapNs);
        }

        // Stop rather than wrap around once timestamps would leave the range of Unix nanoseconds.
        if (_round + 1 > (long.MaxValue / 2) / _periodNs)
        {
            return false;
        }

        _round++;
        _roundHadBatch = false;
        return true;
    }
}
