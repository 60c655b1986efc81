extern alias bench;

using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

public sealed class NabSigmoidTests
{
    [Theory]
    [InlineData(-1, 0.98661)]
    [InlineData(-0.5, 0.84828)]
    [InlineData(-0.25, 0.55460)]
    [InlineData(-0.1, 0.24492)]
    [InlineData(0, 0)]
    [InlineData(0.5, -0.84828)]
    [InlineData(1, -0.98661)]
    [InlineData(3.0001, -1)]
    [InlineData(double.PositiveInfinity, -1)]
    public void Scaled_ScoringMdTable_Matches(double p, double expected)
    {
        Assert.Equal(expected, NabSigmoid.Scaled(p), 5);
        Assert.Equal(expected, NabTestFiles.Sigma(p), 5);
    }

    [Fact]
    public void MaxTruePositive_IsSigmaOfMinusOne()
    {
        Assert.Equal(0.986614, NabSigmoid.MaxTruePositive, 6);
    }
}
