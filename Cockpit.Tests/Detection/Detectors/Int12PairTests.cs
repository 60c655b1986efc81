using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class Int12PairTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(Int12Pair.MinValue, Int12Pair.MaxValue)]
    [InlineData(Int12Pair.MaxValue, Int12Pair.MinValue)]
    [InlineData(-1, 1)]
    [InlineData(1234, -987)]
    public void With_BothValues_ReadBackUnchanged(int first, int second)
    {
        var pair = default(Int12Pair).With(0, first).With(1, second);

        Assert.Equal(first, pair[0]);
        Assert.Equal(second, pair[1]);
    }

    [Fact]
    public void With_OneValue_LeavesTheOtherAsItWas()
    {
        var pair = default(Int12Pair).With(0, -5).With(1, 2047).With(0, 77);

        Assert.Equal(77, pair[0]);
        Assert.Equal(2047, pair[1]);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(-2049)]
    public void With_ValueBeyondTwelveBits_Throws(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(Int12Pair).With(0, value));
    }
}
