using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class Float24Tests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-2.5f)]
    [InlineData(65_536f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void RoundTrip_ValueWithFewMantissaBits_Exact(float value)
    {
        Assert.Equal(value, (float)(Float24)value);
    }

    [Theory]
    [InlineData(0.93f)]
    [InlineData(-1234.5678f)]
    [InlineData(1e-30f)]
    [InlineData(3e38f)]
    public void RoundTrip_AnyValue_WithinTwoToTheMinusSixteenth(float value)
    {
        float kept = (Float24)value;

        Assert.InRange(Math.Abs(kept - value), 0, Math.Abs(value) * Math.ScaleB(1.0, -16));
    }

    [Fact]
    public void RoundTrip_NaN_StaysNaN()
    {
        Assert.True(float.IsNaN((Float24)float.NaN));
    }

    [Fact]
    public void Size_IsThreeBytes()
    {
        Assert.Equal(3, System.Runtime.CompilerServices.Unsafe.SizeOf<Float24>());
    }
}
