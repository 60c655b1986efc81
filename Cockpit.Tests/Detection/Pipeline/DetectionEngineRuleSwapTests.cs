using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// Rules changed while the engine runs (an admin's edit): what detectors learnt survives a change of when a rule alerts,
/// and only that; everything else starts afresh and leaves no alert firing behind it.
/// </summary>
public sealed class DetectionEngineRuleSwapTests : IDisposable
{
    private static readonly SeriesKey Latency = SeriesKey.Create(MetricNames.Network, (MetricNames.RegionTag, "tianhe"), (MetricNames.CellTag, "th-1"));

    private readonly ScriptedDetectors _detectors = new();
    private readonly DetectionEngine _engine;
    private readonly List<AlertSignal> _signals = [];
    private readonly List<AlertSignal> _pending = [];
    private int _minute;

    public DetectionEngineRuleSwapTests()
    {
        _engine = new DetectionEngine(new DetectionOptions(), _detectors, [Rule()]);
        _engine.Signals.Subscribe(_signals.Add);
        _engine.PendingSignals.Subscribe(_pending.Add);
    }

    public void Dispose() => _engine.Dispose();

    private static DetectionRuleOptions Rule(Action<DetectionRuleOptions>? change = null)
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
        change?.Invoke(rule);
        return rule;
    }

    // One latency point a minute whose value is its score.
    private void Feed(params double[] scores)
    {
        foreach (var score in scores)
        {
            var point = Points.At(Latency, MetricNames.LatencyField, score, Points.Monday.AddMinutes(_minute++));
            _engine.Observe(point, point.TimestampNs);
        }
    }

    private RuleSwap Replace(params DetectionRuleOptions[] rules) => _engine.ReplaceRules(rules, UnixTime.ToNanos(Points.Monday.AddMinutes(_minute)));

    [Fact]
    public void WhenItAlertsChanges_DetectorsAndTheFiringAlertCarryOn_UnderTheNewConditions()
    {
        Feed(0.9);
        var firing = Assert.Single(_signals);

        var swap = Replace(Rule(r => (r.Severity, r.FireAbove, r.RecoverBelow) = (AlertSeverity.Critical, 0.8, 0.5)));

        Assert.Equal(new RuleSwap(1, 1, 0), swap);
        Assert.Single(_signals);
        Feed(0.6, 0.4);
        Assert.Equal(1, _detectors.StacksCreated);
        Assert.Equal([0.9, 0.6, 0.4], _detectors.Fed);
        var resolved = _signals[1];
        Assert.False(resolved.Firing);
        Assert.Equal(AlertSeverity.Critical, resolved.Severity);
        Assert.Equal(firing.Fingerprint, resolved.Fingerprint);
        Assert.Equal(2, _signals.Count);
    }

    [Fact]
    public void WhatItScoresChanges_TheFiringAlertResolves_AndTheSeriesStartsAfresh()
    {
        Feed(0.9);

        var swap = Replace(Rule(r => r.Direction = Direction.Up));

        Assert.Equal(new RuleSwap(1, 0, 1), swap);
        var resolved = _signals[1];
        Assert.False(resolved.Firing);
        Assert.Contains("no longer watched, its rule was changed", resolved.Summary, StringComparison.Ordinal);
        Feed(0.9);
        Assert.Equal(2, _detectors.StacksCreated);
        Assert.True(_signals[2].Firing);
        Assert.Equal(1, _engine.Status.Subjects);
    }

    [Fact]
    public void DisabledRule_ResolvesItsAlert_AndWatchesNothingMore()
    {
        Feed(0.9);
        var scored = _engine.Status.ScoredValues;

        Replace(Rule(r => r.Enabled = false));
        Feed(0.9, 0.9);

        Assert.Contains("no longer watched, its rule was disabled or deleted", _signals[1].Summary, StringComparison.Ordinal);
        Assert.Equal(2, _signals.Count);
        Assert.Equal((scored, 0), (_engine.Status.ScoredValues, _engine.Status.Subjects));
    }

    [Fact]
    public void PendingAlertOfAChangedRule_ClearsOnThePendingStream_WithoutAResolve()
    {
        Replace(Rule(r => r.PendingPoints = 3));
        Feed(0.9);
        Assert.True(Assert.Single(_pending).Pending);

        Replace(Rule(r => (r.PendingPoints, r.Detector) = (3, DetectorKind.Surge)));

        Assert.Empty(_signals);
        Assert.Equal(2, _pending.Count);
        Assert.False(_pending[1].Pending || _pending[1].Firing);
    }

    [Fact]
    public void AddedRule_WatchesSeriesTheEngineAlreadyRouted()
    {
        Feed(0.1);

        var swap = Replace(Rule(), Rule(r => r.Name = "latency-strict"));
        Feed(0.9);

        Assert.Equal(new RuleSwap(2, 1, 0), swap);
        Assert.Equal(["latency", "latency-strict"], _signals.Select(s => s.Rule).Order());
    }

    [Fact]
    public void Impacts_AlertingSettingsOnly_VersusEverythingElse()
    {
        Assert.Equal(RuleImpact.None, RuleImpacts.Of(Rule(), Rule()));
        Assert.Equal(RuleImpact.AlertingOnly, RuleImpacts.Of(Rule(), Rule(r => (r.PendingFor, r.RecoveryPoints, r.MinRefireInterval, r.CriticalAbove) = (TimeSpan.FromMinutes(5), 4, TimeSpan.FromHours(1), 0.9))));
        Assert.Equal(RuleImpact.Relearn, RuleImpacts.Of(Rule(), Rule(r => r.Sensitivity = 2)));
        Assert.Equal(RuleImpact.Relearn, RuleImpacts.Of(Rule(), Rule(r => r.Tags["cell"] = "th-1")));
        Assert.Equal(RuleImpact.Relearn, RuleImpacts.Of(Rule(), Rule(r => r.Enabled = false)));
        Assert.Equal(RuleImpact.None, RuleImpacts.Of(Rule(r => r.Enabled = false), Rule(r => (r.Enabled, r.Severity) = (false, AlertSeverity.Critical))));
        Assert.Equal(RuleImpact.Relearn, RuleImpacts.Of(null, Rule()));
    }
}
