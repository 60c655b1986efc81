using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Writes the alert signals of a subject: labels, severity, the facts of what happened (<see cref="SignalFacts"/>) and
/// the English sentence made from them for the API and logs.
/// </summary>
internal static class AlertSignals
{
    /// <summary>The signal for a transition of <paramref name="subject"/>'s alert.</summary>
    public static AlertSignal For(DetectionSubject subject, AlertTransition transition, long timeNs, double value, double score, DetectorReading reading)
    {
        var firing = transition is AlertTransition.Fired or AlertTransition.Escalated;
        var anomalous = firing || transition == AlertTransition.Pending;
        var rule = subject.Rule.Options;
        var peak = firing ? Math.Max(score, subject.Alert.Peak) : score;
        var severity = rule.CriticalAbove is { } critical && peak >= critical ? AlertSeverity.Critical : rule.Severity;
        var labels = Labels(subject);
        var facts = Facts(subject, labels, anomalous, timeNs, value, score, reading);
        return new AlertSignal(
            rule.Name,
            subject.Measurement,
            labels,
            firing,
            severity,
            SignalFactsFormatter.Summary(facts),
            value,
            reading.Expected,
            score,
            UnixTime.ToDateTimeOffset(timeNs))
        {
            Pending = transition == AlertTransition.Pending,
            Facts = facts,
        };
    }

    /// <summary>The resolve signal of a firing subject that is no longer watched because nothing arrived for it.</summary>
    public static AlertSignal Forgotten(DetectionSubject subject, long nowNs, TimeSpan idle) =>
        Unwatched(subject, nowNs, UnwatchedReason.Idle, idle);

    /// <summary>
    /// The resolve (or pending-cleared) signal of a subject dropped because its rule changed
    /// (<see cref="UnwatchedReason.RuleChanged"/>) or went away (<see cref="UnwatchedReason.RuleRemoved"/>).
    /// </summary>
    public static AlertSignal Dropped(DetectionSubject subject, long nowNs, UnwatchedReason reason) =>
        Unwatched(subject, nowNs, reason, duration: null);

    private static AlertSignal Unwatched(DetectionSubject subject, long nowNs, UnwatchedReason reason, TimeSpan? duration)
    {
        var labels = Labels(subject);
        var facts = new SignalFacts
        {
            Kind = SignalFactKind.Unwatched,
            Measurement = subject.Measurement,
            Field = subject.Field,
            Labels = labels,
            Reason = reason,
            Duration = duration,
        };
        return new AlertSignal(
            subject.Rule.Name,
            subject.Measurement,
            labels,
            Firing: false,
            subject.Rule.Options.Severity,
            SignalFactsFormatter.Summary(facts),
            double.NaN,
            double.NaN,
            double.NaN,
            UnixTime.ToDateTimeOffset(nowNs))
        {
            Facts = facts,
        };
    }

    private static Dictionary<string, string> Labels(DetectionSubject subject)
    {
        var labels = new Dictionary<string, string>(subject.Labels.Length, StringComparer.Ordinal);
        foreach (var (key, value) in subject.Labels)
        {
            labels[key] = value;
        }

        return labels;
    }

    // Exactly what the reading says; which of it a sentence shows is the formatter's business.
    private static SignalFacts Facts(DetectionSubject subject, Dictionary<string, string> labels, bool anomalous, long timeNs, double value, double score, DetectorReading reading)
    {
        TimeSpan? silent = null;
        SignalFactKind kind;
        if (subject.Silence is not null)
        {
            kind = anomalous ? SignalFactKind.Silent : SignalFactKind.SendingAgain;
            silent = anomalous ? TimeSpan.FromTicks((timeNs - subject.LastArrivalNs) / 100) : null;
        }
        else if (subject.Rule.Options.Detector == DetectorKind.Threshold)
        {
            kind = anomalous ? SignalFactKind.BeyondLimit : SignalFactKind.WithinLimits;
        }
        else
        {
            kind = anomalous ? SignalFactKind.Anomalous : SignalFactKind.BackToNormal;
        }

        return new SignalFacts
        {
            Kind = kind,
            Measurement = subject.Measurement,
            Field = subject.Field,
            Labels = labels,
            Value = SignalFacts.Finite(value),
            Expected = SignalFacts.Finite(reading.Expected),
            Lower = SignalFacts.Finite(reading.Lower),
            Upper = SignalFacts.Finite(reading.Upper),
            Score = SignalFacts.Finite(score),
            Duration = silent,
        };
    }
}
