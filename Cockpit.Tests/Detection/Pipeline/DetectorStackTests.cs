using Cockpit.Detection.Detectors;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>The state a rule's detector stack reports is what building it allocates, for every kind of value detector.</summary>
public sealed class DetectorStackTests
{
    [Theory]
    [InlineData(DetectorKind.Surge, true)]
    [InlineData(DetectorKind.LevelShift, false)]
    [InlineData(DetectorKind.Seasonal, true)]
    [InlineData(DetectorKind.Threshold, false)]
    [InlineData(DetectorKind.Combined, true)]
    public void StateBytes_IsWhatCreatingTheStackAllocates(DetectorKind kind, bool seasonal)
    {
        var rule = new DetectionRuleOptions
        {
            Name = "rule",
            Detector = kind,
            Seasonal = seasonal,
            Threshold = new() { Below = 90 },
        };
        var factory = new DetectorFactory();

        var stack = factory.CreateStack(rule);

        Assert.Equal(AllocatedBy(() => factory.CreateStack(rule)), stack.StateBytes);
    }

    [Fact]
    public void StateBytes_CombinedWithoutRarityOrRoutines_KeepsNoCalibration()
    {
        var full = new DetectionRuleOptions { Name = "full", Detector = DetectorKind.Combined, Seasonal = true };
        var bare = new DetectionRuleOptions { Name = "bare", Detector = DetectorKind.Combined, Seasonal = true };
        bare.Rarity.Enabled = false;
        bare.Rarity.DailyRoutines = false;
        var factory = new DetectorFactory();

        var saved = factory.CreateStack(full).StateBytes - factory.CreateStack(bare).StateBytes;

        Assert.Equal(new ScoreCalibration(full.Rarity).StateBytes, saved);
    }

    // The product goal: a series watched by every detector there is (seasonal baseline, surge, level shift, rarity and
    // daily routines) costs at most 1 KiB of detector state.
    [Fact]
    public void StateBytes_OfASeasonalCombinedStackWithRoutines_FitsInOneKiB()
    {
        var rule = new DetectionRuleOptions { Name = "rule", Detector = DetectorKind.Combined, Seasonal = true };
        rule.Rarity.DailyRoutines = true;

        var stack = new DetectorFactory().CreateStack(rule);

        Assert.True(stack.StateBytes <= 1024, $"{stack.StateBytes} B");
    }
}
