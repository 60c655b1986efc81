using System.Globalization;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>Writes the alert signals of a subject: labels, severity and a plain-text sentence for people.</summary>
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
        return new AlertSignal(
            rule.Name,
            subject.Measurement,
            Labels(subject),
            firing,
            severity,
            Describe(subject, anomalous, timeNs, value, score, reading),
            value,
            reading.Expected,
            score,
            UnixTime.ToDateTimeOffset(timeNs))
        {
            Pending = transition == AlertTransition.Pending,
        };
    }

    /// <summary>The resolve signal of a firing subject that is no longer watched because nothing arrived for it.</summary>
    public static AlertSignal Forgotten(DetectionSubject subject, long nowNs, TimeSpan idle) =>
        Unwatched(subject, nowNs, Text($"{What(subject)}: no data for {Duration(idle)}, no longer watched"));

    /// <summary>The resolve (or pending-cleared) signal of a subject dropped because its rule changed or went away.</summary>
    public static AlertSignal Dropped(DetectionSubject subject, long nowNs, string reason) =>
        Unwatched(subject, nowNs, Text($"{What(subject)}: no longer watched, {reason}"));

    private static AlertSignal Unwatched(DetectionSubject subject, long nowNs, string summary) => new(
        subject.Rule.Name,
        subject.Measurement,
        Labels(subject),
        Firing: false,
        subject.Rule.Options.Severity,
        summary,
        double.NaN,
        double.NaN,
        double.NaN,
        UnixTime.ToDateTimeOffset(nowNs));

    private static Dictionary<string, string> Labels(DetectionSubject subject)
    {
        var labels = new Dictionary<string, string>(subject.Labels.Length, StringComparer.Ordinal);
        foreach (var (key, value) in subject.Labels)
        {
            labels[key] = value;
        }

        return labels;
    }

    private static string Describe(DetectionSubject subject, bool firing, long timeNs, double value, double score, DetectorReading reading)
    {
        var what = What(subject);
        if (subject.Silence is not null)
        {
            var silent = TimeSpan.FromTicks((timeNs - subject.LastArrivalNs) / 100);
            return firing
                ? Text($"No data from {what} for {Duration(silent)} (anomaly score {score:0.00})")
                : Text($"{what} is sending data again");
        }

        if (subject.Rule.Options.Detector == DetectorKind.Threshold)
        {
            return firing
                ? Text($"{what} is {value:G4}, beyond its limit{Limits(reading)}")
                : Text($"{what} is back within its limits: {value:G4}");
        }

        var expectation = double.IsFinite(reading.Expected)
            ? double.IsFinite(reading.Lower) && double.IsFinite(reading.Upper)
                ? Text($", expected {reading.Expected:G4} (normal {reading.Lower:G4} to {reading.Upper:G4})")
                : Text($", expected {reading.Expected:G4}")
            : "";
        return firing
            ? Text($"{what} is {value:G4}{expectation}; anomaly score {score:0.00}")
            : Text($"{what} is back to normal: {value:G4}{expectation}");
    }

    private static string Limits(DetectorReading reading) =>
        (double.IsFinite(reading.Lower), double.IsFinite(reading.Upper)) switch
        {
            (true, true) => Text($" ({reading.Lower:G4} to {reading.Upper:G4})"),
            (true, false) => Text($" (at least {reading.Lower:G4})"),
            (false, true) => Text($" (at most {reading.Upper:G4})"),
            _ => "",
        };

    private static string What(DetectionSubject subject)
    {
        var name = subject.Field.Length == 0 ? subject.Measurement : subject.Measurement + "." + subject.Field;
        return subject.Labels.Length == 0 ? name : name + " " + string.Join(", ", subject.Labels.Select(l => l.Key + "=" + l.Value));
    }

    private static string Duration(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) ? Text($"{span.TotalHours:0.#} h")
        : span >= TimeSpan.FromMinutes(1) ? Text($"{span.TotalMinutes:0.#} min")
        : Text($"{span.TotalSeconds:0} s");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
