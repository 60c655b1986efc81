namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The last <see cref="Length"/> minutes of one field series as 1-minute cells, kept in memory so that the wall's
/// "last 24 hours" questions never reach the database. A ring is complete from <see cref="FirstCompleteMinute"/>:
/// minutes before it either fell out of the ring or held points the ring never saw (data older than the ring).
/// Not thread-safe; the store guards it.
/// </summary>
internal sealed class MinuteRing
{
    private readonly RollupCell[] _cells;
    private readonly long _coveredFrom;
    private long _head = long.MinValue;

    /// <param name="length">Minutes held.</param>
    /// <param name="coveredFrom">The first minute for which every point will pass through this ring.</param>
    public MinuteRing(int length, long coveredFrom)
    {
        _cells = new RollupCell[length];
        _coveredFrom = coveredFrom;
    }

    public int Length => _cells.Length;

    /// <summary>Bytes one ring of <paramref name="length"/> minutes takes.</summary>
    public static long BytesFor(int length) => (long)length * 48 + 64;

    /// <summary>The first minute whose cell holds everything the store has for it.</summary>
    public long FirstCompleteMinute => _head == long.MinValue ? _coveredFrom : Math.Max(_coveredFrom, _head - _cells.Length + 1);

    public void Add(long minute, double value, long timestampNs)
    {
        if (Advance(minute))
        {
            _cells[Slot(minute)].Add(value, timestampNs);
        }
    }

    public void Merge(long minute, in RollupCell cell)
    {
        if (Advance(minute))
        {
            _cells[Slot(minute)].Merge(cell);
        }
    }

    /// <summary>The cell of <paramref name="minute"/>; empty when the ring holds nothing for it.</summary>
    public RollupCell At(long minute) =>
        minute > _head || minute <= _head - _cells.Length || minute < _coveredFrom ? default : _cells[Slot(minute)];

    // Moves the head forward to a newer minute (clearing the minutes it passes); false when the minute is not held.
    private bool Advance(long minute)
    {
        if (minute < _coveredFrom)
        {
            return false;
        }

        if (_head == long.MinValue)
        {
            _head = minute;
            return true;
        }

        if (minute > _head)
        {
            var gap = minute - _head;
            if (gap >= _cells.Length)
            {
                Array.Clear(_cells);
            }
            else
            {
                for (var m = _head + 1; m <= minute; m++)
                {
                    _cells[Slot(m)] = default;
                }
            }

            _head = minute;
            return true;
        }

        return minute > _head - _cells.Length;
    }

    private int Slot(long minute) => (int)(((minute % _cells.Length) + _cells.Length) % _cells.Length);
}
