using System.Reactive.Concurrency;
using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The facts every signal carries say exactly what the detectors' reading said (scripted: expected 0, band −1 to 1),
/// and the summary is the English of those facts.
/// </summary>
public sealed class AlertSignalsTests
{
    private static readonly SeriesKey Latency = SeriesKey.Create(MetricNames.Network, (MetricNames.RegionTag, "tianhe"), (MetricNames.CellTag, "th-1"));

    private static DetectionRuleOptions Rule(Action<DetectionRuleOptions>? configure = null)
    {
        var rule = new DetectionRuleOptions
        {
            Name = "latency",
            Measurement = MetricNames.Network,
            Field = MetricNames.LatencyField,
            MinRefireInterval = TimeSpan.Zero,
            RecoveryPoints = 1,
            CriticalAbove = null,
        };
        configure?.Invoke(rule);
        return rule;
    }

    private static (DetectionEngine Engine, List<AlertSignal> Signals) Engine(DetectionRuleOptions rule, TimeSpan? idle = null)
    {
        var engine = new DetectionEngine(new DetectionOptions { IdleTimeout = idle ?? TimeSpan.FromHours(6) }, new ScriptedDetectors(), [rule]);
        var signals = new List<AlertSignal>();
        engine.Signals.Subscribe(signals.Add);
        return (engine, signals);
    }

    private static void Feed(DetectionEngine engine, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var point = Points.At(Latency, MetricNames.LatencyField, values[i], Points.Monday.AddMinutes(i));
            engine.Observe(point, point.TimestampNs);
        }
    }

    [Fact]
    public void For_ValueRule_FactsAreTheReading_AndTheSummaryTheirEnglish()
    {
        var (engine, signals) = Engine(Rule());
        using var _ = engine;

        Feed(engine, 0.9, 0.1);

        var fired = signals[0].Facts!;
        Assert.Equal(SignalFactKind.Anomalous, fired.Kind);
        Assert.Equal((MetricNames.Network, MetricNames.LatencyField), (fired.Measurement, fired.Field));
        Assert.Equal([new("region", "tianhe"), new("cell", "th-1")], fired.Labels.OrderByDescending(l => l.Key));
        Assert.Equal((0.9, 0, -1, 1, 0.9), (fired.Value, fired.Expected, fired.Lower, fired.Upper, fired.Score));
        Assert.Null(fired.Duration);
        Assert.Equal(SignalFactsFormatter.Summary(fired), signals[0].Summary);
        Assert.Equal(SignalFactKind.BackToNormal, signals[1].Facts!.Kind);
        Assert.Equal((0.1, 0.1), (signals[1].Facts!.Value, signals[1].Facts!.Score));
        Assert.Equal(SignalFactsFormatter.Summary(signals[1].Facts!), signals[1].Summary);
    }

    [Fact]
    public void For_ThresholdRule_SaysBeyondAndWithinLimits()
    {
        var (engine, signals) = Engine(Rule(r => r.Detector = DetectorKind.Threshold));
        using var _ = engine;

        Feed(engine, 0.9, 0.1);

        Assert.Equal([SignalFactKind.BeyondLimit, SignalFactKind.WithinLimits], signals.Select(s => s.Facts!.Kind));
        Assert.Equal((-1, 1), (signals[0].Facts!.Lower, signals[0].Facts!.Upper));
        Assert.EndsWith("is 0.9, beyond its limit (-1 to 1)", signals[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Forgotten_IdleSubject_SaysHowLongNothingCame()
    {
        var (engine, signals) = Engine(Rule(), idle: TimeSpan.FromHours(1));
        using var _ = engine;
        Feed(engine, 0.9);

        engine.Sweep(UnixTime.ToNanos(Points.Monday.AddHours(2)));

        var facts = signals[1].Facts!;
        Assert.Equal((SignalFactKind.Unwatched, UnwatchedReason.Idle, TimeSpan.FromHours(1)), (facts.Kind, facts.Reason, facts.Duration));
        Assert.Null(facts.Value);
        Assert.Equal("network.latency_ms cell=th-1, region=tianhe: no data for 1 h, no longer watched", signals[1].Summary);
    }

    [Theory]
    [InlineData(false, UnwatchedReason.RuleChanged)]
    [InlineData(true, UnwatchedReason.RuleRemoved)]
    public void Dropped_RuleChangedOrRemoved_NamesTheReason(bool remove, UnwatchedReason reason)
    {
        var (engine, signals) = Engine(Rule());
        using var _ = engine;
        Feed(engine, 0.9);

        engine.ReplaceRules(remove ? [] : [Rule(r => r.Direction = Direction.Up)], UnixTime.ToNanos(Points.Monday.AddMinutes(5)));

        Assert.Equal((SignalFactKind.Unwatched, reason), (signals[1].Facts!.Kind, signals[1].Facts!.Reason));
    }

    [Fact]
    public void For_NoDataRule_SilentForFiveMinutes_ThenSendingAgain()
    {
        var scheduler = new TestScheduler();
        var (engine, signals) = Engine(new DetectionRuleOptions
        {
            Name = "silent",
            Measurement = "*",
            GroupBy = [MetricNames.RegionTag],
            Detector = DetectorKind.NoData,
            RecoveryPoints = 1,
            MinRefireInterval = TimeSpan.Zero,
        });
        using var _ = engine;
        scheduler.AdvanceTo(Points.Monday.Ticks);
        using var sweeps = scheduler.SchedulePeriodic(TimeSpan.FromSeconds(10), () => engine.Sweep(UnixTime.ToNanos(scheduler.Now)));
        void Send() => engine.Observe(Points.At(Latency, MetricNames.LatencyField, 10, scheduler.Now), UnixTime.ToNanos(scheduler.Now));
        for (var minute = 0; minute < 10; minute++)
        {
            Send();
            scheduler.Advance(ScriptedDetectors.SilenceInterval);
        }

        scheduler.Advance(TimeSpan.FromMinutes(4.5));
        Send();

        var silent = signals[0].Facts!;
        Assert.Equal((SignalFactKind.Silent, TimeSpan.FromMinutes(5), 0.5), (silent.Kind, silent.Duration, silent.Score));
        Assert.Equal(new Dictionary<string, string> { ["region"] = "tianhe" }, silent.Labels);
        Assert.Equal(SignalFactKind.SendingAgain, signals[1].Facts!.Kind);
        Assert.Equal("network region=tianhe is sending data again", signals[1].Summary);
    }
}
