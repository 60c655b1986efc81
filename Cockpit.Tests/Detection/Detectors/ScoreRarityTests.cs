using System.Runtime.CompilerServices;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class ScoreRarityTests
{
    private static ScoreRarity Rarity() => new(new ScoreRarityOptions());

    // The score a detector gives evidence at `ratio` times its edge.
    private static double ScoreOf(double ratio) => AnomalyScale.Score(ratio, 1, 1);

    // Evidence ratios of ordinary points: |Gaussian| / 5 (a robust z against an edge of 5), from a fixed seed.
    private static double[] QuietRatios(int seed, int count) => [.. Gaussian(seed, count).Select(z => Math.Abs(z) / 5)];

    private static double Feed(ref ScoreRarity rarity, IEnumerable<double> ratios)
    {
        var last = double.NaN;
        foreach (var ratio in ratios)
        {
            last = rarity.Calibrate(ScoreOf(ratio), ratio, ratio);
        }

        return last;
    }

    [Fact]
    public void Calibrate_FirstStrongEvidenceOnAQuietSeries_KeepsItsScore()
    {
        var rarity = Rarity();
        Feed(ref rarity, QuietRatios(1, 1000));

        var calibrated = rarity.Calibrate(ScoreOf(2), 2, 2);

        Assert.Equal(ScoreOf(2), calibrated);
    }

    [Fact]
    public void Calibrate_EvidenceTheSeriesShowsEvery20Points_IsNotAnomalous()
    {
        // A quantised metric: every 20th point jumps to the other level, 8 × the edge of a noise scale that sees no noise.
        var ratios = QuietRatios(2, 2000);
        for (var i = 19; i < ratios.Length; i += 20)
        {
            ratios[i] = 8;
        }

        var rarity = Rarity();
        var scores = ratios.Select(r => rarity.Calibrate(ScoreOf(r), r, r)).ToArray();

        Assert.All(scores.Skip(500).Where((_, i) => (i + 500) % 20 == 19), s => Assert.True(s < AnomalyScale.Edge, $"{s}"));
    }

    [Fact]
    public void Calibrate_FarBeyondTheSeriesUsualSpikes_StaysAnomalous()
    {
        var ratios = QuietRatios(3, 2000);
        for (var i = 19; i < ratios.Length; i += 20)
        {
            ratios[i] = 2;
        }

        var rarity = Rarity();
        Feed(ref rarity, ratios);

        Assert.True(rarity.Calibrate(ScoreOf(30), 30, 1) >= AnomalyScale.Edge);
    }

    [Fact]
    public void Calibrate_SustainedModerateEvidence_BecomesAnomalousThoughNoPointIsNew()
    {
        // Single points of 1.5 × the edge are common (one in 20), but never three in a row.
        var ratios = QuietRatios(4, 2000);
        for (var i = 19; i < ratios.Length; i += 20)
        {
            ratios[i] = 1.5;
        }

        var rarity = Rarity();
        Feed(ref rarity, ratios);
        var run = Enumerable.Range(0, 3).Select(_ => rarity.Calibrate(ScoreOf(1.5), 1.5, 1.5)).ToArray();

        Assert.True(run[0] < AnomalyScale.Edge, $"{run[0]}");
        Assert.True(run[2] >= AnomalyScale.Edge, $"{run[2]}");
    }

    [Theory]
    [InlineData(150, true)]
    [InlineData(-60, true)]
    [InlineData(50, false)]
    [InlineData(100.1, false)]
    public void Calibrate_CommonEvidence_AnomalousOnlyAsARecordBeyondTheRange(double value, bool anomalous)
    {
        // Values between 0 and 100; every 20th point jumps (8 × the edge) to another value within that range.
        var values = Gaussian(9, 2000, 50, 10).Select(v => Math.Clamp(v, 0, 100)).ToArray();
        values[0] = 0;
        values[1] = 100;
        var rarity = Rarity();
        for (var i = 0; i < values.Length; i++)
        {
            var ratio = i % 20 == 19 ? 8 : Math.Abs(values[i] - 50) / 50;
            rarity.Calibrate(ScoreOf(ratio), ratio, values[i]);
        }

        Assert.Equal(anomalous, rarity.Calibrate(ScoreOf(8), 8, value) >= AnomalyScale.Edge);
    }

    [Fact]
    public void Calibrate_ExtremeFromTwoMemoriesAgo_IsForgotten()
    {
        var rarity = new ScoreRarity(new ScoreRarityOptions { Memory = 256 });
        rarity.Calibrate(ScoreOf(0.1), 0.1, 1000);
        for (var i = 0; i < 1000; i++)
        {
            var ratio = i % 10 == 9 ? 8 : 0.1;
            rarity.Calibrate(ScoreOf(ratio), ratio, i % 10);
        }

        Assert.True(rarity.Calibrate(ScoreOf(8), 8, 500) >= AnomalyScale.Edge);
    }

    [Fact]
    public void Calibrate_NeverRaisesAScore()
    {
        var rarity = Rarity();
        foreach (var ratio in QuietRatios(5, 3000).Select((r, i) => i % 97 == 0 ? r * 30 : r))
        {
            Assert.True(rarity.Calibrate(ScoreOf(ratio), ratio, ratio) <= ScoreOf(ratio));
        }
    }

    [Fact]
    public void Calibrate_ShortHistory_CallsNothingItHasSeenRare()
    {
        var rarity = Rarity();
        Feed(ref rarity, QuietRatios(6, 50).Append(3));

        Assert.True(rarity.Calibrate(ScoreOf(3), 3, 3) < AnomalyScale.Edge);
    }

    [Fact]
    public void Calibrate_NaNOrDisabled_PassesTheScoreThrough()
    {
        var rarity = Rarity();
        var off = new ScoreRarity(new ScoreRarityOptions { Enabled = false });
        Feed(ref rarity, QuietRatios(7, 10));

        Assert.True(double.IsNaN(rarity.Calibrate(double.NaN, double.NaN, 1)));
        Assert.Equal(ScoreOf(3), off.Calibrate(ScoreOf(3), 3, 3));
    }

    [Fact]
    public void Calibrate_AllocatesNothing()
    {
        var rarity = Rarity();
        Feed(ref rarity, QuietRatios(8, 100));

        Assert.Equal(0, AllocatedDuring(() => rarity.Calibrate(ScoreOf(1), 1, 1)));
    }

    [Fact]
    public void StateBytes_AtMost144AndWhatItTakesWhereItIsHeld()
    {
        var rarity = new ScoreRarity(new ScoreRarityOptions());

        Assert.True(rarity.StateBytes <= 144, $"{rarity.StateBytes} B");
        Assert.Equal(Unsafe.SizeOf<ScoreRarity>(), rarity.StateBytes);
    }
}
