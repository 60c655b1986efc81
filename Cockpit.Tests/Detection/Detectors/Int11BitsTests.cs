using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class Int11BitsTests
{
    [Fact]
    public void Set_EveryValueOfARow_ReadsBackUnchanged()
    {
        const int count = 168;
        var bytes = new byte[Int11Bits.BytesFor(count)];
        var values = Enumerable.Range(0, count).Select(i => ((i * 389) % 2048) - 1024).ToArray();

        for (var i = 0; i < count; i++)
        {
            Int11Bits.Set(bytes, i, values[i]);
        }

        Assert.Equal(values, Enumerable.Range(0, count).Select(i => Int11Bits.Get(bytes, i)));
    }

    [Fact]
    public void Set_OneValue_LeavesItsNeighboursAsTheyWere()
    {
        var bytes = new byte[Int11Bits.BytesFor(3)];
        Int11Bits.Set(bytes, 0, Int11Bits.MinValue);
        Int11Bits.Set(bytes, 2, Int11Bits.MaxValue);

        Int11Bits.Set(bytes, 1, -1);

        Assert.Equal([Int11Bits.MinValue, -1, Int11Bits.MaxValue], new[] { Int11Bits.Get(bytes, 0), Int11Bits.Get(bytes, 1), Int11Bits.Get(bytes, 2) });
    }

    [Fact]
    public void BytesFor_EightValues_ElevenAndTheSpareOne()
    {
        Assert.Equal(12, Int11Bits.BytesFor(8));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(-1025)]
    public void Set_ValueBeyondElevenBits_Throws(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Int11Bits.Set(new byte[4], 0, value));
    }
}
