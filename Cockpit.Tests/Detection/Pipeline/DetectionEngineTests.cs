using System.Reactive.Concurrency;
using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>What the engine does with scores: pending, hysteresis, re-fire, grouping, late points, bounds, partitions.</summary>
public sealed class DetectionEngineTests
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
        };
        configure?.Invoke(rule);
        return rule;
    }

    // Complaints of each district summed per minute.
    private static DetectionRuleOptions GroupedSurge() => new()
    {
        Name = "surge",
        Measurement = MetricNames.Complaints,
        Field = MetricNames.CountField,
        GroupBy = [MetricNames.RegionTag],
        Bucket = TimeSpan.FromMinutes(1),
    };

    private static (DetectionEngine Engine, List<AlertSignal> Signals, ScriptedDetectors Detectors) Engine(params DetectionRuleOptions[] rules) =>
        Engine(new DetectionOptions { Rules = [.. rules] });

    private static (DetectionEngine Engine, List<AlertSignal> Signals, ScriptedDetectors Detectors) Engine(DetectionOptions options)
    {
        var detectors = new ScriptedDetectors();
        var engine = new DetectionEngine(options, detectors);
        var signals = new List<AlertSignal>();
        engine.Signals.Subscribe(signals.Add);
        return (engine, signals, detectors);
    }

    // Feeds one latency point a minute, its value being its score.
    private static void Feed(DetectionEngine engine, params double[] scores) => Feed(engine, 0, scores);

    private static void Feed(DetectionEngine engine, int firstMinute, params double[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            var point = Points.At(Latency, MetricNames.LatencyField, scores[i], Points.Monday.AddMinutes(firstMinute + i));
            engine.Observe(point, point.TimestampNs);
        }
    }

    private static string Transitions(List<AlertSignal> signals) =>
        string.Join(" ", signals.Select(s => (s.Firing ? "F" : "R") + (s.Time - Points.Monday).TotalMinutes));

    [Fact]
    public void Observe_PendingPoints_FiresOnlyOnTheNthAnomalousValueInARow()
    {
        var (engine, signals, _) = Engine(Rule(r => r.PendingPoints = 3));

        Feed(engine, 0.1, 0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.9);

        Assert.Equal("F6", Transitions(signals));
    }

    [Fact]
    public void Observe_PendingFor_FiresOnceAnomalousForThatLongInEventTime()
    {
        var (engine, signals, _) = Engine(Rule(r => r.PendingFor = TimeSpan.FromMinutes(3)));

        Feed(engine, 0.9, 0.9, 0.9, 0.9, 0.9);

        Assert.Equal("F3", Transitions(signals));
    }

    [Fact]
    public void Observe_ScoresBetweenRecoverAndFire_KeepFiringThenRecoveryNeedsConsecutiveCalmValues()
    {
        var (engine, signals, _) = Engine(Rule(r =>
        {
            r.FireAbove = 0.5;
            r.RecoverBelow = 0.3;
            r.RecoveryPoints = 3;
        }));

        // Fires at 0; 0.4 sits inside the hysteresis band; the calm run is broken by 0.4 at minute 7, completes at 10.
        Feed(engine, 0.6, 0.4, 0.4, 0.4, 0.2, 0.2, 0.4, 0.2, 0.2, 0.2, 0.2);

        Assert.Equal("F0 R9", Transitions(signals));
    }

    [Fact]
    public void Observe_ValuesJustBelowFireAbove_NeverFire()
    {
        var (engine, signals, _) = Engine(Rule(r => r.FireAbove = 0.5));

        Feed(engine, [.. Enumerable.Repeat(0.4999, 500)]);

        Assert.Empty(signals);
    }

    [Fact]
    public void Observe_RetriggerWithinMinRefireInterval_WaitsAndFiresWhenTheIntervalHasPassed()
    {
        var (engine, signals, _) = Engine(Rule(r => r.MinRefireInterval = TimeSpan.FromMinutes(10)));

        // Fires at 0, resolves at 2, anomalous again from 4: held until 10, when it is still anomalous.
        Feed(engine, 0.9, 0.9, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9);

        Assert.Equal("F0 R2 F10", Transitions(signals));
    }

    [Fact]
    public void Observe_FlappingWithinMinRefireInterval_FiresOncePerInterval()
    {
        var (engine, signals, _) = Engine(Rule(r => r.MinRefireInterval = TimeSpan.FromMinutes(30)));

        Feed(engine, [.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 0.9 : 0.1)]);

        Assert.Equal(2, signals.Count(s => s.Firing));
        Assert.Equal("F0 R1 F30 R31", Transitions(signals));
    }

    [Fact]
    public void Observe_CriticalAbove_MapsTheScoreToSeverity()
    {
        var (engine, signals, _) = Engine(Rule(r =>
        {
            r.Severity = AlertSeverity.Warning;
            r.CriticalAbove = 0.9;
        }));

        Feed(engine, 0.6, 0.95);

        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Critical], signals.Select(s => s.Severity));
        Assert.All(signals, s => Assert.True(s.Firing));
    }

    [Fact]
    public void Observe_GroupedRule_SumsTheGroupsSeriesPerBucketAndScoresWhenTheBucketCloses()
    {
        var (engine, _, detectors) = Engine(GroupedSurge());
        var scored = new List<ScoredValue>();
        engine.Scores.Subscribe(scored.Add);

        foreach (var minute in new[] { 0, 1, 2 })
        {
            var time = Points.Monday.AddMinutes(minute);
            foreach (var (channel, value) in new[] { ("hotline", 0.1), ("app", 0.2), ("web", 0.05) })
            {
                var point = Points.Count("tianhe", value * (minute + 1), time, channel);
                engine.Observe(point, point.TimestampNs);
            }

            var other = Points.Count("yuexiu", 0.01, time);
            engine.Observe(other, other.TimestampNs);
        }

        // Minutes 0 and 1 closed (minute 2 is open) for both districts.
        Assert.Equal(4, scored.Count);
        var tianhe = scored.Where(s => s.Subject.Contains("tianhe", StringComparison.Ordinal)).ToList();
        Assert.Equal([0.35, 0.70], tianhe.Select(s => Math.Round(s.Value, 10)));
        Assert.Equal([UnixTime.ToNanos(Points.Monday), UnixTime.ToNanos(Points.Monday.AddMinutes(1))], tianhe.Select(s => s.TimestampNs));
        Assert.All(tianhe, s => Assert.Equal(("complaints", "region=tianhe"), (s.Measurement, string.Join(",", s.Labels.Select(l => l.Key + "=" + l.Value)))));
        Assert.Equal(4, detectors.Fed.Count);
        Assert.Equal(2, engine.Status.Subjects);
        Assert.Equal(4, engine.Status.RoutedSeries);
    }

    [Fact]
    public void Observe_GroupedAlert_CarriesTheGroupsLabelsOnly()
    {
        var (engine, signals, _) = Engine(GroupedSurge());

        var first = Points.Count("tianhe", 0.9, Points.Monday);
        var second = Points.Count("tianhe", 0.1, Points.Monday.AddMinutes(1));
        engine.Observe(first, first.TimestampNs);
        engine.Observe(second, second.TimestampNs);

        var signal = Assert.Single(signals);
        Assert.Equal(new Dictionary<string, string> { [MetricNames.RegionTag] = "tianhe" }, signal.Tags);
        Assert.Equal("surge{region=tianhe}", signal.Fingerprint);
        Assert.StartsWith("complaints.count region=tianhe is 0.9", signal.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "[95, 90]")]
    [InlineData(false, "[NaN, NaN]")]
    public void Observe_RatioRule_DividesTheSumsOfTwoFieldsPerBucketAndNeedsTheDividend(bool sendSuccesses, string expected)
    {
        var (engine, _, _) = Engine(new DetectionRuleOptions
        {
            Name = "success",
            Measurement = MetricNames.Business,
            Field = MetricNames.SuccessesField,
            DivideBy = MetricNames.AttemptsField,
            Aggregate = BucketAggregate.Ratio,
            Multiplier = 100,
            Bucket = TimeSpan.FromMinutes(10),
        });
        var values = new List<double>();
        engine.Scores.Subscribe(s => values.Add(s.Value));
        var series = SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, "tianhe"), (MetricNames.BusinessTypeTag, "repair"));
        foreach (var (minute, successes, attempts) in new[] { (0, 9, 10), (5, 10, 10), (10, 8, 10), (15, 10, 10), (20, 1, 1) })
        {
            var time = Points.Monday.AddMinutes(minute);
            var points = new List<MetricPoint> { Points.At(series, MetricNames.AttemptsField, attempts, time) };
            if (sendSuccesses)
            {
                points.Add(Points.At(series, MetricNames.SuccessesField, successes, time));
            }

            foreach (var point in points)
            {
                engine.Observe(point, point.TimestampNs);
            }
        }

        Assert.Equal(expected, "[" + string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]");
        Assert.Equal(1, engine.Status.Subjects);
    }

    [Fact]
    public void Observe_LatePoint_IsCountedNotScoredAndLeavesStateAsItWas()
    {
        var (engine, signals, detectors) = Engine(Rule());
        Feed(engine, 0.1, 0.1, 0.1);

        Feed(engine, 1, 0.9);

        Assert.Equal(1, engine.Status.LatePoints);
        Assert.Equal(3, detectors.Fed.Count);
        Assert.Empty(signals);
    }

    [Fact]
    public void Observe_LatePointForAClosedBucket_IsCountedAndDropped()
    {
        var (engine, _, detectors) = Engine(GroupedSurge());
        foreach (var minute in new[] { 0, 1, 2 })
        {
            var point = Points.Count("tianhe", 0.1, Points.Monday.AddMinutes(minute));
            engine.Observe(point, point.TimestampNs);
        }

        var late = Points.Count("tianhe", 100, Points.Monday.AddMinutes(1).AddSeconds(30));
        engine.Observe(late, late.TimestampNs);

        Assert.Equal(1, engine.Status.LatePoints);
        Assert.Equal([0.1, 0.1], detectors.Fed);
    }

    [Fact]
    public void Observe_TagMatchers_AlternativesAndWildcard()
    {
        var (engine, _, _) = Engine(new DetectionRuleOptions
        {
            Name = "hotline-or-app",
            Measurement = MetricNames.Complaints,
            Field = "*",
            Tags = { [MetricNames.ChannelTag] = "hotline|app", [MetricNames.CategoryTag] = "*" },
        });

        foreach (var channel in new[] { "hotline", "app", "web", "store" })
        {
            var point = Points.Count("tianhe", 0.1, Points.Monday, channel);
            engine.Observe(point, point.TimestampNs);
        }

        var noCategory = Points.At(SeriesKey.Create(MetricNames.Complaints, (MetricNames.ChannelTag, "app")), MetricNames.CountField, 0.1, Points.Monday);
        engine.Observe(noCategory, noCategory.TimestampNs);

        Assert.Equal(2, engine.Status.Subjects);
    }

    [Fact]
    public void Observe_MoreSeriesThanMaxSubjects_RefusesTheRestAndCountsThem()
    {
        var (engine, _, _) = Engine(new DetectionOptions { Rules = [Rule(r => r.Measurement = "*")], MaxSubjects = 10 });

        for (var i = 0; i < 25; i++)
        {
            var point = Points.At(SeriesKey.Create("m", ("id", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))), MetricNames.LatencyField, 0.1, Points.Monday);
            engine.Observe(point, point.TimestampNs);
        }

        Assert.Equal(10, engine.Status.Subjects);
        Assert.Equal(10, engine.Status.RoutedSeries);
        Assert.Equal(15, engine.Status.SkippedPoints);
    }

    [Fact]
    public void Observe_TwoPartitions_WatchDisjointSubjectsThatTogetherCoverEveryOne()
    {
        var owned = new List<HashSet<string>>();
        for (var index = 0; index < 2; index++)
        {
            var (engine, _, _) = Engine(new DetectionOptions { Rules = [Rule(r => r.Measurement = "*")], PartitionCount = 2, PartitionIndex = index });
            var subjects = new HashSet<string>();
            engine.Scores.Subscribe(s => subjects.Add(s.Subject));
            for (var i = 0; i < 200; i++)
            {
                var point = Points.At(SeriesKey.Create("m", ("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture))), MetricNames.LatencyField, 0.1, Points.Monday);
                engine.Observe(point, point.TimestampNs);
            }

            owned.Add(subjects);
        }

        Assert.Empty(owned[0].Intersect(owned[1]));
        Assert.Equal(200, owned[0].Count + owned[1].Count);
        Assert.InRange(owned[0].Count, 70, 130);
    }

    [Fact]
    public void Sweep_InVirtualTime_EvictsIdleSubjectsAndResolvesTheirFiringAlerts()
    {
        var scheduler = new TestScheduler();
        var (engine, signals, _) = Engine(new DetectionOptions
        {
            Rules = [Rule()],
            IdleTimeout = TimeSpan.FromHours(1),
            SweepInterval = TimeSpan.FromSeconds(10),
        });
        scheduler.AdvanceTo(Points.Monday.Ticks);
        using var sweeps = scheduler.SchedulePeriodic(TimeSpan.FromSeconds(10), () => engine.Sweep(UnixTime.ToNanos(scheduler.Now)));
        var point = Points.At(Latency, MetricNames.LatencyField, 0.9, Points.Monday);
        engine.Observe(point, UnixTime.ToNanos(scheduler.Now));

        scheduler.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, engine.Status.Subjects);
        scheduler.Advance(TimeSpan.FromMinutes(1.5));

        Assert.Equal(0, engine.Status.Subjects);
        Assert.Equal(0, engine.Status.RoutedSeries);
        Assert.Equal(1, engine.Status.EvictedSubjects);
        Assert.Equal([true, false], signals.Select(s => s.Firing));
        Assert.Contains("no longer watched", signals[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_InVirtualTime_SilentGroupFiresAndResolvesWhenDataReturns()
    {
        var scheduler = new TestScheduler();
        var (engine, signals, _) = Engine(new DetectionRuleOptions
        {
            Name = "silent",
            Measurement = "*",
            GroupBy = [MetricNames.RegionTag],
            Detector = DetectorKind.NoData,
            RecoveryPoints = 1,
            MinRefireInterval = TimeSpan.Zero,
        });
        scheduler.AdvanceTo(Points.Monday.Ticks);
        using var sweeps = scheduler.SchedulePeriodic(TimeSpan.FromSeconds(10), () => engine.Sweep(UnixTime.ToNanos(scheduler.Now)));
        void Send()
        {
            var point = Points.At(Latency, MetricNames.LatencyField, 10, scheduler.Now);
            engine.Observe(point, UnixTime.ToNanos(scheduler.Now));
        }

        for (var minute = 0; minute < 10; minute++)
        {
            Send();
            scheduler.Advance(ScriptedDetectors.SilenceInterval);
        }

        Assert.Empty(signals);
        scheduler.Advance(TimeSpan.FromMinutes(4.5));
        Assert.Single(signals);
        Assert.True(signals[0].Firing);
        Assert.Equal(Points.Monday.AddMinutes(9 + 5), signals[0].Time);
        Assert.StartsWith("No data from network region=tianhe for 5 min", signals[0].Summary, StringComparison.Ordinal);

        Send();

        Assert.Equal([true, false], signals.Select(s => s.Firing));
    }
}
