using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class AnomalyScaleTests
{
    [Fact]
    public void Score_EvidenceAtEdge_IsHalf() => Assert.Equal(0.5, AnomalyScale.Score(4, 4, 1), 12);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-3, 0)]
    [InlineData(double.PositiveInfinity, 1)]
    public void Score_Extremes_AreZeroOrOne(double evidence, double expected) =>
        Assert.Equal(expected, AnomalyScale.Score(evidence, 4, 1));

    [Fact]
    public void Score_NaN_IsNaN() => Assert.True(double.IsNaN(AnomalyScale.Score(double.NaN, 4, 1)));

    [Fact]
    public void Score_RisesMonotonicallyTowardsOne()
    {
        var scores = Enumerable.Range(1, 40).Select(i => AnomalyScale.Score(i * 0.25, 4, 1)).ToArray();

        Assert.All(scores.Zip(scores.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.InRange(AnomalyScale.Score(2, 4, 1), 0.1, 0.2);
        Assert.True(AnomalyScale.Score(12, 4, 1) > 0.99);
    }

    [Fact]
    public void Score_Sensitivity_MultipliesTheEvidence()
    {
        Assert.Equal(0.5, AnomalyScale.Score(2, 4, sensitivity: 2), 12);
        Assert.Equal(2, AnomalyScale.EdgeEvidence(4, sensitivity: 2));
    }

    [Fact]
    public void Signed_ScoresOnlyTheSideTheEvidencePointsTo()
    {
        var up = AnomalyScale.Signed(4, 4, 1, 10, 6, 14);
        var down = AnomalyScale.Signed(-4, 4, 1, 10, 6, 14);

        Assert.Equal(new DetectorReading(0.5, 0, 10, 6, 14), up);
        Assert.Equal(new DetectorReading(0, 0.5, 10, 6, 14), down);
    }
}
