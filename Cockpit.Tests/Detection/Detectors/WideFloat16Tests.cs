using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class WideFloat16Tests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-1.5f)]
    [InlineData(1e-18f)]
    [InlineData(-123_456_789f)]
    [InlineData(1e19f)]
    public void RoundTrip_ValueInRange_WithinTwoToTheMinusNine(float value)
    {
        float kept = (WideFloat16)value;

        Assert.InRange(Math.Abs(kept - value), 0, Math.Abs(value) * Math.ScaleB(1.0, -9));
        Assert.Equal(Math.Sign(value), Math.Sign(kept));
    }

    [Fact]
    public void RoundTrip_SameValue_SameResult()
    {
        Assert.Equal((float)(WideFloat16)0.3f, (float)(WideFloat16)0.3f);
    }

    [Theory]
    [InlineData(1e-25f, 0f)]
    [InlineData(-1e-25f, -0f)]
    public void Convert_BelowTheRange_KeptAsZero(float value, float zero)
    {
        Assert.Equal(zero, (float)(WideFloat16)value);
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-1e30f)]
    public void Convert_BeyondTheRange_KeptAsTheLargest(float value)
    {
        float kept = (WideFloat16)value;

        Assert.InRange(Math.Abs(kept), 3.6e19, 3.7e19);
        Assert.Equal(Math.Sign(value), Math.Sign(kept));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Convert_NonFinite_Throws(float value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (WideFloat16)value);
    }
}
