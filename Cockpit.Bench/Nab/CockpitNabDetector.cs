using System.Reactive.Concurrency;
using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Runs the production <see cref="DetectionEngine"/> with one rule (the same for every file, from
/// <c>Nab/nab-rule.json</c>) as a NAB detector. Two readings of it:
/// <list type="bullet">
/// <item><c>cockpit</c> — what on-call staff would be paged with: the combined score of a point at the moment the
/// rule's alert fires or escalates to critical (pending, hysteresis and re-fire interval applied), 0 on every other
/// point.</item>
/// <item><c>cockpit-score</c> — the raw combined anomaly score of every point, before any alerting logic.</item>
/// </list>
/// </summary>
/// <param name="name">The NAB name.</param>
/// <param name="rule">The rule every file runs.</param>
/// <param name="alertsOnly">Score only the points at which the alert fires.</param>
public sealed class CockpitNabDetector(string name, DetectionRuleOptions rule, bool alertsOnly) : INabDetector
{
    public string Name => name;

    public INabSeries Start(IScheduler scheduler) => new Series(new DetectionEngine(new DetectionOptions { Rules = [rule] }), scheduler, alertsOnly);

    private sealed class Series : INabSeries
    {
        private readonly DetectionEngine _engine;
        private readonly IScheduler _scheduler;
        private readonly IDisposable _subscription;
        private double _score;
        private bool _firing;
        private AlertSeverity _severity;

        public Series(DetectionEngine engine, IScheduler scheduler, bool alertsOnly)
        {
            _engine = engine;
            _scheduler = scheduler;
            _subscription = alertsOnly
                ? engine.Signals.Subscribe(OnSignal)
                : engine.Scores.Subscribe(scored => _score = double.IsNaN(scored.Score) ? 0 : scored.Score);
        }

        public double Score(in MetricPoint point)
        {
            _score = 0;
            _engine.Observe(point, UnixTime.ToNanos(_scheduler.Now));
            return Math.Clamp(_score, 0, 1);
        }

        // The onset pages, and so does the escalation of a firing alert to critical; other updates of a firing alert do not.
        private void OnSignal(AlertSignal signal)
        {
            if (signal.Firing && (!_firing || (signal.Severity == AlertSeverity.Critical && _severity != AlertSeverity.Critical)))
            {
                _score = Math.Max(_score, signal.Score);
            }

            _firing = signal.Firing;
            _severity = signal.Firing ? signal.Severity : AlertSeverity.Info;
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _engine.Dispose();
        }
    }
}
