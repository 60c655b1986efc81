namespace Cockpit.Detection.Rules;

/// <summary>
/// Turns one subject's stream of anomaly scores into fire and resolve decisions: a value is anomalous at or above
/// <see cref="RuleTiming.FireAbove"/>; the alert fires once values have stayed anomalous for the pending number of
/// points and the pending time, and no sooner than the minimum re-fire interval after its previous firing; it
/// resolves after the recovery number of values in a row below <see cref="RuleTiming.RecoverBelow"/> (hysteresis:
/// a value between the two thresholds neither fires nor recovers). The first anomalous value of a run that does not fire
/// at once is reported as pending, and the end of a run that never fired as pending cleared. While firing, only reaching the critical score is
/// news (escalation); a score that merely moves is not, so a firing alert does not chatter. Times are the caller's clock (event time for
/// scored points, scheduler time for silence). A mutable struct kept inline in the subject: no allocation.
/// </summary>
internal struct AlertStateMachine
{
    private int _anomalousRun;
    private long _anomalousSinceNs;
    private int _calmRun;
    private long _lastFiredNs;
    private bool _hasFired;

    /// <summary>Whether the alert is firing.</summary>
    public bool Firing { get; private set; }

    /// <summary>Whether an anomalous run is under way that has not fired (yet).</summary>
    public readonly bool Pending => _anomalousRun > 0 && !Firing;

    /// <summary>The highest score seen since the alert fired.</summary>
    public double Peak { get; private set; }

    /// <summary>Feeds the score of the value at <paramref name="timeNs"/>.</summary>
    public AlertTransition Step(long timeNs, double score, RuleTiming timing)
    {
        if (score >= timing.FireAbove)
        {
            _calmRun = 0;
            if (_anomalousRun == 0)
            {
                _anomalousSinceNs = timeNs;
            }

            _anomalousRun++;
            if (Firing)
            {
                var escalated = score >= timing.CriticalAbove && Peak < timing.CriticalAbove;
                Peak = Math.Max(Peak, score);
                return escalated ? AlertTransition.Escalated : AlertTransition.None;
            }

            if (_anomalousRun >= timing.PendingPoints
                && timeNs - _anomalousSinceNs >= timing.PendingNs
                && (!_hasFired || timeNs - _lastFiredNs >= timing.MinRefireNs))
            {
                Firing = true;
                Peak = score;
                _hasFired = true;
                _lastFiredNs = timeNs;
                return AlertTransition.Fired;
            }

            return _anomalousRun == 1 ? AlertTransition.Pending : AlertTransition.None;
        }

        var wasPending = _anomalousRun > 0 && !Firing;
        _anomalousRun = 0;
        if (!Firing)
        {
            return wasPending ? AlertTransition.PendingCleared : AlertTransition.None;
        }

        _calmRun = score < timing.RecoverBelow ? _calmRun + 1 : 0;
        if (_calmRun < timing.RecoveryPoints)
        {
            return AlertTransition.None;
        }

        return Resolve();
    }

    /// <summary>Resolves a firing alert at once (the subject is no longer watched).</summary>
    public AlertTransition Resolve()
    {
        if (!Firing)
        {
            return AlertTransition.None;
        }

        Firing = false;
        _calmRun = 0;
        Peak = 0;
        return AlertTransition.Resolved;
    }
}
