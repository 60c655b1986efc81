using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;
using Cockpit.Web.Api.Silences;

namespace Cockpit.Web.Inbox;

/// <summary>
/// The silence form's state: a duration preset (or a custom duration), a required comment and the matchers, one per
/// line, prefilled from the alert's labels and editable. <see cref="TryBuild"/> turns it into a request.
/// </summary>
public sealed class SilenceDraft
{
    /// <summary>The value of the custom choice among <see cref="Presets"/>.</summary>
    public const string Custom = "custom";

    /// <summary>The offered durations, shortest first, in the units the silence API reads.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["30m", "1h", "4h", "1d"];

    /// <summary>A preset from <see cref="Presets"/> or <see cref="Custom"/>.</summary>
    public string Duration { get; set; } = "1h";

    /// <summary>The custom duration, e.g. <c>90m</c>, <c>2h30m</c> or <c>01:30:00</c>.</summary>
    public string CustomDuration { get; set; } = "";

    public string Comment { get; set; } = "";

    /// <summary>Matchers, one per line, e.g. <c>region="tianhe"</c>.</summary>
    public string Matchers { get; set; } = "";

    /// <summary>
    /// A draft for <paramref name="alert"/>: its rule and its series labels as equality matchers — the alert and its
    /// future re-fires, not every alert of the rule. Severity and measurement are left out: they follow from the rule.
    /// </summary>
    public static SilenceDraft For(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var lines = new List<string> { Line(AlertLabels.Rule, alert.Rule) };
        lines.AddRange(alert.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Line(t.Key, t.Value)));
        return new SilenceDraft { Matchers = string.Join("\n", lines) };
    }

    /// <summary>Builds the request from <paramref name="now"/>; false with every problem when the draft is not complete.</summary>
    public bool TryBuild(DateTimeOffset now, out SilenceRequest? request, out IReadOnlyList<SilenceDraftError> errors)
    {
        var problems = new List<SilenceDraftError>();
        request = null;
        var duration = TimeSpan.Zero;
        var text = Duration == Custom ? CustomDuration : Duration;
        if (string.IsNullOrWhiteSpace(text) || !SilenceDuration.TryParse(text, out duration) || duration <= TimeSpan.Zero)
        {
            problems.Add(new SilenceDraftError(SilenceDraftProblem.BadDuration, text ?? ""));
        }

        if (string.IsNullOrWhiteSpace(Comment))
        {
            problems.Add(new SilenceDraftError(SilenceDraftProblem.NoComment, ""));
        }

        var matchers = new List<LabelMatcher>();
        foreach (var line in Matchers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (LabelMatcherParser.TryParse(line, out var matcher, out var error))
            {
                matchers.Add(matcher);
            }
            else
            {
                problems.Add(new SilenceDraftError(SilenceDraftProblem.BadMatcher, error));
            }
        }

        if (matchers.Count == 0 && !problems.Any(p => p.Problem == SilenceDraftProblem.BadMatcher))
        {
            problems.Add(new SilenceDraftError(SilenceDraftProblem.NoMatcher, ""));
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        try
        {
            request = new SilenceRequest(matchers, null, now + duration, Comment.Trim());
        }
        catch (ArgumentOutOfRangeException)
        {
            errors = [new SilenceDraftError(SilenceDraftProblem.BadDuration, text!)];
            return false;
        }

        return true;
    }

    // The matcher parser strips the outer quotes and keeps everything between them as it is (no escapes).
    private static string Line(string name, string value) => name + "=\"" + value + "\"";
}

/// <summary>What is wrong with a silence draft.</summary>
public enum SilenceDraftProblem
{
    BadDuration,
    NoComment,
    BadMatcher,
    NoMatcher,
}

/// <summary>One problem of a draft; <paramref name="Detail"/> is the input or the parser's plain-text message.</summary>
public sealed record SilenceDraftError(SilenceDraftProblem Problem, string Detail);
