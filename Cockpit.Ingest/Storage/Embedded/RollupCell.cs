namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// What a rollup keeps of the values in one bucket: enough to answer every <see cref="Aggregate"/> exactly and to be
/// merged with another cell of the same bucket (partial rows, memory cells, edges read from raw points).
/// </summary>
internal struct RollupCell
{
    public long Count;
    public double Sum;
    public double Min;
    public double Max;
    public double Last;
    public long LastTs;

    public readonly bool IsEmpty => Count == 0;

    public void Add(double value, long timestampNs)
    {
        if (Count == 0)
        {
            this = new RollupCell { Count = 1, Sum = value, Min = value, Max = value, Last = value, LastTs = timestampNs };
            return;
        }

        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (timestampNs >= LastTs)
        {
            Last = value;
            LastTs = timestampNs;
        }
    }

    public void Merge(in RollupCell other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (Count == 0)
        {
            this = other;
            return;
        }

        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        if (other.LastTs >= LastTs)
        {
            Last = other.Last;
            LastTs = other.LastTs;
        }
    }

    public readonly double Value(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Mean => Sum / Count,
        Aggregate.Sum => Sum,
        Aggregate.Min => Min,
        Aggregate.Max => Max,
        Aggregate.Count => Count,
        Aggregate.Last => Last,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };
}
