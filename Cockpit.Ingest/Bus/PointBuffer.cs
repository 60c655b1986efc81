using System.Buffers;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// A growable run of points in a pooled array that decoders fill and the log encodes from; a write of thousands of
/// points borrows its array from the pool instead of allocating one.
/// </summary>
internal sealed class PointBuffer : IDisposable
{
    private MetricPoint[] _items;

    public PointBuffer(int initialCapacity = 256)
    {
        _items = ArrayPool<MetricPoint>.Shared.Rent(Math.Max(16, initialCapacity));
    }

    public int Count { get; private set; }

    /// <summary>The points written so far; valid until the next <see cref="Add"/>.</summary>
    public Span<MetricPoint> Span => _items.AsSpan(0, Count);

    /// <summary>The points written so far as memory (for an asynchronous append); valid until the next <see cref="Add"/>.</summary>
    public ReadOnlyMemory<MetricPoint> Memory => _items.AsMemory(0, Count);

    public void Add(in MetricPoint point)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = point;
    }

    /// <summary>Drops the points after the first <paramref name="count"/> (a line that turned out bad).</summary>
    public void Truncate(int count)
    {
        _items.AsSpan(count, Count - count).Clear();
        Count = count;
    }

    public void Dispose()
    {
        Return(_items, Count);
        _items = [];
        Count = 0;
    }

    /// <summary>Returns a rented array to the pool, clearing the references it holds.</summary>
    public static void Return(MetricPoint[] array, int count)
    {
        if (array.Length > 0)
        {
            array.AsSpan(0, count).Clear();
            ArrayPool<MetricPoint>.Shared.Return(array);
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<MetricPoint>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, Count).CopyTo(bigger);
        Return(_items, Count);
        _items = bigger;
    }
}
