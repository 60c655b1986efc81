using System.Reactive.Concurrency;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Rollups;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Runs detection on the live point stream: every point updates the live rollups and goes through the
/// <see cref="DetectionEngine"/>; its alert signals (and pending signals) go to every registered
/// <see cref="IAlertSignalSink"/> (the alerting layer). Silence and
/// eviction are judged every sweep interval on the scheduler. A failing step is logged and skipped for that point,
/// so one bad value never stops detection.
/// </summary>
public sealed partial class DetectionPipeline : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private readonly IngestBus _bus;
    private readonly LiveRollups _rollups;
    private readonly IAlertSignalSink[] _sinks;
    private readonly IScheduler _scheduler;
    private readonly DetectionOptions _options;
    private readonly ILogger<DetectionPipeline> _logger;
    private readonly DetectionEngine _engine;
    private readonly IDisposable _signals;
    private readonly IDisposable _ruleChanges;
    private IDisposable? _points;
    private IDisposable? _sweeps;
    private int _enabledRules;

    public DetectionPipeline(
        IngestBus bus,
        LiveRollups rollups,
        IEnumerable<IAlertSignalSink> sinks,
        IScheduler scheduler,
        IOptions<DetectionOptions> options,
        IRuleCatalog rules,
        ILogger<DetectionPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _bus = bus;
        _rollups = rollups;
        _sinks = [.. sinks];
        _scheduler = scheduler;
        _options = options.Value;
        _logger = logger;
        _engine = new DetectionEngine(_options, new DetectorFactory(), rules.Rules.Select(r => r.Options));
        _signals = new System.Reactive.Disposables.CompositeDisposable(
            _engine.Signals.Subscribe(OnSignal),
            _engine.PendingSignals.Subscribe(OnSignal));
        _enabledRules = rules.Rules.Count(r => r.Options.Enabled);
        _ruleChanges = rules.Changes.Subscribe(OnRulesChanged);
    }

    /// <summary>What the engine has done so far.</summary>
    public DetectionEngineStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _engine.Status;
            }
        }
    }

    /// <summary>Every value a rule scores (on the ingest dispatcher's thread: keep subscribers quick).</summary>
    public IObservable<ScoredValue> Scores => _engine.Scores;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _points = _bus.Points.Subscribe(OnPoint);
        _sweeps = _scheduler.SchedulePeriodic(_options.SweepInterval, Sweep);
        LogStarted(_enabledRules, _options.PartitionIndex, _options.PartitionCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _points?.Dispose();
        _sweeps?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _points?.Dispose();
        _sweeps?.Dispose();
        _ruleChanges.Dispose();
        _signals.Dispose();
        _engine.Dispose();
    }

    private void OnPoint(MetricPoint point)
    {
        try
        {
            _rollups.Observe(point);
            lock (_lock)
            {
                _engine.Observe(point, UnixTime.ToNanos(_scheduler.Now));
            }
        }
        catch (Exception ex)
        {
            LogPointFailed(ex, point.Series.Canonical);
        }
    }

    private void Sweep()
    {
        try
        {
            lock (_lock)
            {
                _engine.Sweep(UnixTime.ToNanos(_scheduler.Now));
            }
        }
        catch (Exception ex)
        {
            LogSweepFailed(ex);
        }
    }

    // On the admin's thread: the lock keeps the swap between two points, never in the middle of one.
    private void OnRulesChanged(IReadOnlyList<Rules.DetectionRuleOptions> rules)
    {
        try
        {
            RuleSwap swap;
            lock (_lock)
            {
                swap = _engine.ReplaceRules(rules, UnixTime.ToNanos(_scheduler.Now));
                _enabledRules = swap.Rules;
            }

            LogRulesReplaced(swap.Rules, swap.KeptSubjects, swap.DroppedSubjects);
        }
        catch (Exception ex)
        {
            LogRulesFailed(ex);
        }
    }

    private void OnSignal(AlertSignal signal)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Accept(signal);
            }
            catch (Exception ex)
            {
                LogSinkFailed(ex, signal.Fingerprint);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "An alert sink failed on the signal for {Fingerprint}")]
    private partial void LogSinkFailed(Exception exception, string fingerprint);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Detection failed on a point of {Series}")]
    private partial void LogPointFailed(Exception exception, string series);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Detection sweep failed")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Detection running {Rules} rules, partition {Index} of {Count}")]
    private partial void LogStarted(int rules, int index, int count);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Detection rules replaced: {Rules} enabled; {Kept} subjects kept their state, {Dropped} start afresh")]
    private partial void LogRulesReplaced(int rules, int kept, int dropped);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Putting the changed detection rules in force failed")]
    private partial void LogRulesFailed(Exception exception);
}
