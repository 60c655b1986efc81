using System.Globalization;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// Grafana's time arithmetic for a query: the panel's range (dashboard range, relative time, time shift) and
/// <c>$__interval</c> (range / max data points, rounded as Grafana rounds it, never below the minimum interval).
/// </summary>
public static class GrafanaTime
{
    /// <summary>Grafana sizes the interval to the panel's width in pixels; a wide panel on a wall screen is about this.</summary>
    public const int DefaultMaxDataPoints = 1000;

    /// <summary>The range a panel's queries ask for when the dashboard is opened at <paramref name="now"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) PanelRange(GrafanaDashboard dashboard, DashboardPanel panel, DateTimeOffset now)
    {
        var (from, to) = (Resolve(dashboard.Time.From, now), Resolve(dashboard.Time.To, now));
        if (panel.TimeFrom is { } timeFrom)
        {
            (from, to) = (now - ParseDuration(timeFrom), now);
        }

        if (panel.TimeShift is { } timeShift)
        {
            var shift = ParseDuration(timeShift);
            (from, to) = (from - shift, to - shift);
        }

        return (from, to);
    }

    /// <summary>A panel's <c>$__interval</c>: the panel's minimum interval, or the datasource's, is the floor.</summary>
    public static TimeSpan Interval(DateTimeOffset from, DateTimeOffset to, DashboardPanel panel, TimeSpan datasourceMinimum)
    {
        var minimum = panel.MinInterval is { } min ? ParseDuration(min) : datasourceMinimum;
        var rounded = RoundInterval((to - from) / (panel.MaxDataPoints ?? DefaultMaxDataPoints));
        return rounded < minimum ? minimum : rounded;
    }

    /// <summary>Grafana's <c>roundInterval</c>: the nearest "nice" interval.</summary>
    public static TimeSpan RoundInterval(TimeSpan interval)
    {
        var ms = interval.TotalMilliseconds;
        (double Below, long Ms)[] steps =
        [
            (15, 10), (35, 20), (75, 50), (150, 100), (350, 200), (750, 500), (1_500, 1_000), (3_500, 2_000),
            (7_500, 5_000), (12_500, 10_000), (17_500, 15_000), (25_000, 20_000), (45_000, 30_000), (90_000, 60_000),
            (210_000, 120_000), (450_000, 300_000), (750_000, 600_000), (1_050_000, 900_000), (1_500_000, 1_200_000),
            (2_700_000, 1_800_000), (5_400_000, 3_600_000), (9_000_000, 7_200_000), (16_200_000, 10_800_000),
            (32_400_000, 21_600_000), (86_400_000, 43_200_000), (604_800_000, 86_400_000), (1_814_400_000, 604_800_000),
            (3_628_800_000, 2_592_000_000),
        ];
        foreach (var (below, rounded) in steps)
        {
            if (ms < below)
            {
                return TimeSpan.FromMilliseconds(rounded);
            }
        }

        return TimeSpan.FromDays(365);
    }

    /// <summary>An interval as Grafana writes <c>$__interval</c>: its largest whole unit (<c>1m</c>, <c>20s</c>, <c>500ms</c>).</summary>
    public static string Format(TimeSpan interval)
    {
        (long Ms, string Unit)[] units = [(31_536_000_000, "y"), (604_800_000, "w"), (86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1_000, "s")];
        var ms = (long)interval.TotalMilliseconds;
        foreach (var (size, unit) in units)
        {
            if (ms >= size && ms % size == 0)
            {
                return (ms / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return ms >= 1_000 && ms % 1_000 == 0 ? $"{ms / 1_000}s" : $"{ms}ms";
    }

    /// <summary>Parses a Grafana duration: <c>30s</c>, <c>5m</c>, <c>6h</c>, <c>7d</c>, <c>1w</c> (a leading <c>&gt;</c> is allowed).</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim().TrimStart('>');
        var digits = value.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0 || !long.TryParse(value[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FormatException($"'{text}' is not a duration.");
        }

        return value[digits..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            "w" => TimeSpan.FromDays(7 * n),
            _ => throw new FormatException($"'{text}' has no known unit."),
        };
    }

    /// <summary>Resolves <c>now</c> or <c>now-6h</c> against <paramref name="now"/>.</summary>
    public static DateTimeOffset Resolve(string relative, DateTimeOffset now) => relative switch
    {
        "now" => now,
        _ when relative.StartsWith("now-", StringComparison.Ordinal) => now - ParseDuration(relative[4..]),
        _ => throw new FormatException($"Time '{relative}' is not 'now' or 'now-<duration>'."),
    };
}
