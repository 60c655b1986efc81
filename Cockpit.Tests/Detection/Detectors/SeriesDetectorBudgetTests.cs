using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

/// <summary>
/// What every value detector owes the pipeline whatever it detects: a small state, reported honestly (equal to what
/// constructing it allocates), and no allocation per point once warmed up.
/// </summary>
public sealed class SeriesDetectorBudgetTests
{
    public static TheoryData<string, int> Detectors => new()
    {
        { "surge", 208 },
        { "levelshift", 100 },
        { "seasonal", 416 },
        { "threshold", 100 },
    };

    private readonly SurgeDetectorOptions _surge = new();
    private readonly LevelShiftDetectorOptions _levelShift = new();
    private readonly SeasonalBaselineOptions _seasonal = new();
    private readonly ThresholdDetectorOptions _threshold = new() { Below = 0.9 };

    // Options are made once per test: a detector keeps a reference to its options, which are not part of its state.
    private ISeriesDetector Create(string name) => name switch
    {
        "surge" => new SurgeDetector(_surge),
        "levelshift" => new LevelShiftDetector(_levelShift),
        "seasonal" => new SeasonalBaseline(_seasonal),
        "threshold" => new ThresholdDetector(_threshold),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Detectors))]
    public void StateBytes_WithinBudgetAndWhatConstructionAllocates(string name, int budget)
    {
        var detector = Create(name);

        Assert.True(detector.StateBytes <= budget, $"{name}: {detector.StateBytes} B");
        Assert.Equal(AllocatedBy(() => Create(name)), detector.StateBytes);
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Observe_AfterWarmUp_AllocatesNothing(string name, int budget)
    {
        _ = budget;
        var detector = Create(name);
        var context = new DetectorContext();
        const int minutesPerDay = 24 * 60;

        // Two days of a daily curve with noise warm every detector up, the seasonal baseline's profile included; the
        // measured stretch runs twice (once to warm the measurement itself).
        var noise = Gaussian(12, (2 * minutesPerDay) + 800, 0, 0.01);
        double Value(int minute) => 1 + (0.2 * Math.Sin(2 * Math.PI * minute / minutesPerDay)) + noise[minute];
        for (var minute = 0; minute < 2 * minutesPerDay; minute++)
        {
            detector.Observe(ChinaMondayNs + (minute * MinuteNs), Value(minute), context);
        }

        var next = 2 * minutesPerDay;
        var allocated = AllocatedDuring(() =>
        {
            for (var end = next + 400; next < end; next++)
            {
                detector.Observe(ChinaMondayNs + (next * MinuteNs), Value(next), context);
            }
        });

        Assert.Equal(0, allocated);
    }
}
