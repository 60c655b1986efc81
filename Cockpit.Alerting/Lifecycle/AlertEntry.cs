using Cockpit.Alerting.Model;

namespace Cockpit.Alerting.Lifecycle;

/// <summary>The alert book's mutable state for one fingerprint, guarded by the book's lock.</summary>
internal sealed class AlertEntry(AlertRecord record, long[] fireTimes)
{
    public AlertRecord Record { get; set; } = record;

    /// <summary>Clock times (Unix ms) of the firings within the flap window, oldest first.</summary>
    public List<long> FireTimes { get; } = [.. fireTimes];

    /// <summary>While pending: the alert as it was before (a resolved one), restored if the pending run clears.</summary>
    public AlertRecord? BeforePending { get; set; }

    /// <summary>False while a flapping alert's rule says it recovered but the book holds it as firing.</summary>
    public bool ConditionHolds { get; set; } = true;

    /// <summary>Resolves a held flapping alert once it stayed recovered for the flap window.</summary>
    public IDisposable? FlapTimer { get; set; }

    /// <summary>Loaded open at start-up and not yet fired again by its rule (see <see cref="AlertingOptions.RestartGrace"/>).</summary>
    public bool Unconfirmed { get; set; }
}
