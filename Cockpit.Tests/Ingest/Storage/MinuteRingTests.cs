using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;

namespace Cockpit.Tests.Ingest.Storage;

public sealed class MinuteRingTests
{
    private static RollupCell Sum(MinuteRing ring, long from, long to)
    {
        var buckets = new RollupCell[1];
        ring.MergeInto(Aggregate.Sum, from, to, from, to - from, buckets);
        return buckets[0];
    }

    [Fact]
    public void Add_MovingPastTheLength_OldMinutesForgottenAndNotComplete()
    {
        var ring = new MinuteRing(10, long.MinValue);
        for (var minute = 100; minute < 125; minute++)
        {
            ring.Add(minute, 1, minute * 60_000_000_000L);
        }

        Assert.Equal(115, ring.FirstCompleteMinute);
        Assert.Equal(10, Sum(ring, 100, 125).Count);
        Assert.Equal(10, Sum(ring, 115, 125).Sum);
    }

    [Fact]
    public void Add_GapLongerThanTheRing_NothingOfBeforeTheGapRemains()
    {
        var ring = new MinuteRing(10, long.MinValue);
        ring.Add(5, 7, 0);
        ring.Add(50, 1, 0);

        Assert.Equal(1, Sum(ring, 41, 51).Count);
    }

    [Fact]
    public void Add_BeforeCoveredFromOrTooOld_Ignored()
    {
        var ring = new MinuteRing(10, coveredFrom: 100);
        ring.Add(99, 5, 0);
        ring.Add(120, 1, 0);
        ring.Add(110, 5, 0);

        Assert.Equal(111, ring.FirstCompleteMinute);
        Assert.Equal(1, Sum(ring, 100, 121).Count);
    }

    [Fact]
    public void MergeInto_Last_NewestTimestampWinsWhateverTheOrder()
    {
        var ring = new MinuteRing(10, long.MinValue);
        ring.Add(1, 9, 2_000);
        ring.Add(1, 4, 1_000);
        var buckets = new RollupCell[1];

        ring.MergeInto(Aggregate.Last, 0, 2, 0, 2, buckets);

        Assert.Equal(9, buckets[0].Value(Aggregate.Last));
        Assert.Equal(2, buckets[0].Count);
    }

    [Fact]
    public void Replace_HeldMinute_TheCellIsTheGivenOneNotAMerge()
    {
        var ring = new MinuteRing(10, long.MinValue);
        ring.Add(3, 4, 1_000);
        ring.Add(3, 6, 2_000);
        ring.Add(4, 1, 3_000);

        ring.Replace(3, new RollupCell { Count = 2, Sum = 46, Min = 6, Max = 40, Last = 6, LastTs = 2_000 });

        var buckets = new RollupCell[2];
        ring.MergeInto(Aggregate.Last, 3, 5, 3, 1, buckets);
        Assert.Equal((2L, 46.0, 6.0, 40.0, 6.0), (buckets[0].Count, buckets[0].Sum, buckets[0].Min, buckets[0].Max, buckets[0].Last));
        Assert.Equal(1, buckets[1].Count);
    }

    [Fact]
    public void Replace_BeforeCoveredFromOrTooOld_Ignored()
    {
        var ring = new MinuteRing(10, coveredFrom: 100);
        ring.Add(120, 1, 0);

        ring.Replace(99, new RollupCell { Count = 5, Sum = 5 });
        ring.Replace(110, new RollupCell { Count = 5, Sum = 5 });

        Assert.Equal(1, Sum(ring, 100, 121).Count);
    }
}
