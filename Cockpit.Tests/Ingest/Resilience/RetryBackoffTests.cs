using Cockpit.Ingest.Resilience;

namespace Cockpit.Tests.Ingest.Resilience;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Delay_FirstAttempt_IsMin(double jitter)
    {
        Assert.Equal(Min, RetryBackoff.Delay(0, Min, Max, jitter));
    }

    [Fact]
    public void Delay_FullJitter_DoublesPerAttemptUntilMax()
    {
        var delays = Enumerable.Range(0, 8).Select(attempt => RetryBackoff.Delay(attempt, Min, Max, 1.0).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void Delay_NoJitter_IsHalfTheCeilingButNeverBelowMin()
    {
        Assert.Equal(Min, RetryBackoff.Delay(1, Min, Max, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryBackoff.Delay(3, Min, Max, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(15), RetryBackoff.Delay(20, Min, Max, 0.0));
    }

    [Fact]
    public void Delay_JitterSpreadsWithinUpperHalfOfCeiling()
    {
        var low = RetryBackoff.Delay(4, Min, Max, 0.1);
        var high = RetryBackoff.Delay(4, Min, Max, 0.9);

        Assert.InRange(low, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
        Assert.InRange(high, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
        Assert.True(high > low);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public void Delay_LongOutage_StaysAtMaxWithoutOverflow(int attempt)
    {
        Assert.Equal(Max, RetryBackoff.Delay(attempt, Min, Max, 1.0));
    }

    [Theory]
    [InlineData(-1.0, 8)]
    [InlineData(2.0, 16)]
    [InlineData(double.NaN, 8)]
    public void Delay_JitterOutOfRange_Clamped(double jitter, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.Delay(4, Min, Max, jitter));
    }

    [Fact]
    public void Delay_MinEqualsMax_AlwaysThatValue()
    {
        Assert.Equal(Min, RetryBackoff.Delay(5, Min, Min, 0.3));
    }

    [Fact]
    public void Delay_InvalidArguments_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(-1, Min, Max, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, TimeSpan.Zero, Max, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, Max, Min, 0.5));
    }
}
