using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class NonNegativeFloat16Tests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(1.5f)]
    [InlineData(float.PositiveInfinity)]
    public void RoundTrip_ValueWithFewMantissaBits_Exact(float value)
    {
        Assert.Equal(value, (float)(NonNegativeFloat16)value);
    }

    [Theory]
    [InlineData(0.0123f)]
    [InlineData(1e-30f)]
    [InlineData(123_456.7f)]
    [InlineData(3e38f)]
    public void RoundTrip_AnyValue_WithinTwoToTheMinusNine(float value)
    {
        float kept = (NonNegativeFloat16)value;

        Assert.InRange(Math.Abs(kept - value), 0, value * Math.ScaleB(1.0, -9));
    }

    [Fact]
    public void RoundTrip_NaN_StaysNaN()
    {
        Assert.True(float.IsNaN((NonNegativeFloat16)float.NaN));
    }

    [Fact]
    public void Convert_NegativeValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (NonNegativeFloat16)(-1f));
    }
}
