using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Turns appended points into line-protocol batches of at most <c>maxLines</c> lines and hands each sealed batch on,
/// in order. Consecutive points of one series and instant (the fields of one ingested line) share a line again.
/// Values are always written as floats (<c>5</c>, never <c>5i</c>): Cockpit's values are doubles, and one field
/// written both ways would be refused by InfluxDB as a field type conflict. Allocation-free per point once the pooled
/// buffers are warm: <see cref="SeriesKey.Canonical"/> is already the escaped <c>measurement,tags</c> prefix.
/// </summary>
internal sealed class LineProtocolBatcher
{
    // Upper bound of a formatted double ("-1.2345678901234567E-308") and of " <int64>\n".
    private const int MaxValueBytes = 32;
    private const int MaxTimestampBytes = 22;

    private readonly Lock _lock = new();
    private readonly int _maxLines;
    private readonly Action<LineProtocolBatch> _sealed;
    private readonly List<string> _openFields = [];
    private LineProtocolBatch? _open;
    private SeriesKey? _openSeries;
    private long _openTimestamp;
    private long _nextSequence;
    private bool _closed;

    /// <param name="maxLines">Lines after which a batch is sealed.</param>
    /// <param name="firstSequence">The first batch's sequence (one past the newest batch already spooled).</param>
    /// <param name="sealed">Takes each sealed batch; called under the batcher's lock, so batches arrive in sequence order.</param>
    public LineProtocolBatcher(int maxLines, long firstSequence, Action<LineProtocolBatch> @sealed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        _maxLines = maxLines;
        _nextSequence = firstSequence;
        _sealed = @sealed;
    }

    /// <summary>Lines in the open (not yet sealed) batch.</summary>
    public int OpenLines
    {
        get
        {
            lock (_lock)
            {
                return _open?.Lines ?? 0;
            }
        }
    }

    public void Append(ReadOnlySpan<MetricPoint> points)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            foreach (ref readonly var point in points)
            {
                if (_open is not null && _openSeries is not null && point.TimestampNs == _openTimestamp &&
                    point.Series.Equals(_openSeries) && !_openFields.Contains(point.Field))
                {
                    // InfluxDB would keep only one of two equal field keys on a line; a repeated field starts a new line.
                    WriteField(_open, ',', point.Field, point.Value);
                    _openFields.Add(point.Field);
                    continue;
                }

                CloseLine();
                if (_open is not null && _open.Lines >= _maxLines)
                {
                    SealLocked();
                }

                _open ??= new LineProtocolBatch();
                WriteSeries(_open, point.Series);
                WriteField(_open, ' ', point.Field, point.Value);
                _open.Lines++;
                _openSeries = point.Series;
                _openTimestamp = point.TimestampNs;
                _openFields.Add(point.Field);
            }
        }
    }

    /// <summary>Seals the open batch, if any, and returns the newest sealed batch's sequence.</summary>
    public long Seal()
    {
        lock (_lock)
        {
            SealLocked();
            return _nextSequence - 1;
        }
    }

    /// <summary>Seals the open batch and refuses further points; returns the newest sealed batch's sequence.</summary>
    public long Close()
    {
        lock (_lock)
        {
            SealLocked();
            _closed = true;
            return _nextSequence - 1;
        }
    }

    private void SealLocked()
    {
        CloseLine();
        if (_open is null)
        {
            return;
        }

        var batch = _open;
        _open = null;
        batch.Sequence = _nextSequence++;
        _sealed(batch);
    }

    private void CloseLine()
    {
        if (_openSeries is null || _open is null)
        {
            return;
        }

        var span = _open.GetSpan(MaxTimestampBytes);
        span[0] = (byte)' ';
        _openTimestamp.TryFormat(span[1..], out var written, default, CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'\n';
        _open.Advance(written + 2);
        _openSeries = null;
        _openFields.Clear();
    }

    private static void WriteSeries(LineProtocolBatch batch, SeriesKey series)
    {
        var canonical = series.Canonical;
        var span = batch.GetSpan(Encoding.UTF8.GetMaxByteCount(canonical.Length));
        batch.Advance(Encoding.UTF8.GetBytes(canonical, span));
    }

    // Field keys escape commas, equals signs and spaces; the value is the shortest text that reads back as the same double.
    private static void WriteField(LineProtocolBatch batch, char separator, string field, double value)
    {
        var span = batch.GetSpan(1 + (2 * Encoding.UTF8.GetMaxByteCount(field.Length)) + 1 + MaxValueBytes);
        var length = 0;
        span[length++] = (byte)separator;
        var rest = field.AsSpan();
        while (true)
        {
            // The escaped characters are ASCII, so cutting around them never splits a surrogate pair.
            var special = rest.IndexOfAny(", =");
            if (special < 0)
            {
                length += Encoding.UTF8.GetBytes(rest, span[length..]);
                break;
            }

            length += Encoding.UTF8.GetBytes(rest[..special], span[length..]);
            span[length++] = (byte)'\\';
            span[length++] = (byte)rest[special];
            rest = rest[(special + 1)..];
        }

        span[length++] = (byte)'=';
        value.TryFormat(span[length..], out var written, "R", CultureInfo.InvariantCulture);
        batch.Advance(length + written);
    }
}
