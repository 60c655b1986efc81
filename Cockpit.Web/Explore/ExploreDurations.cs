using System.Globalization;

namespace Cockpit.Web.Explore;

/// <summary>The time ranges and buckets explore offers, as they are written in addresses (<c>6h</c>, <c>15m</c>).</summary>
public static class ExploreDurations
{
    /// <summary>At most this many buckets per line: a bucket that would give more is refused.</summary>
    public const int MaxPointsPerLine = 2000;

    /// <summary>The range presets, shortest first.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["1h", "6h", "24h", "7d"];

    /// <summary>The buckets, shortest first.</summary>
    public static IReadOnlyList<string> Buckets { get; } = ["1m", "5m", "15m", "1h", "1d"];

    /// <summary>The preset used when an address names no range.</summary>
    public const string DefaultPreset = "24h";

    /// <summary>Parses <c>90s</c>-free durations: a whole number and one of m, h, d.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2 ||
            !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        duration = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => default,
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>The bucket duration of an offered bucket name; false for anything else.</summary>
    public static bool TryParseBucket(string? text, out TimeSpan bucket) =>
        TryParse(text, out bucket) && Buckets.Contains(text, StringComparer.Ordinal);

    /// <summary>The range of an offered preset name; false for anything else.</summary>
    public static bool TryParsePreset(string? text, out TimeSpan range) =>
        TryParse(text, out range) && Presets.Contains(text, StringComparer.Ordinal);

    /// <summary>The offered name of a bucket (<c>15m</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.Ticks / TimeSpan.TicksPerDay}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{duration.Ticks / TimeSpan.TicksPerHour}h"
        : $"{duration.Ticks / TimeSpan.TicksPerMinute}m";

    /// <summary>How many buckets of <paramref name="bucket"/> a line over <paramref name="range"/> has at most.</summary>
    public static long PointsPerLine(TimeSpan range, TimeSpan bucket) => (range.Ticks + bucket.Ticks - 1) / bucket.Ticks;

    /// <summary>Whether <paramref name="bucket"/> suits <paramref name="range"/>: no longer than it, at most <see cref="MaxPointsPerLine"/> points.</summary>
    public static bool Fits(TimeSpan range, TimeSpan bucket) => bucket <= range && PointsPerLine(range, bucket) <= MaxPointsPerLine;

    /// <summary>The offered buckets that suit <paramref name="range"/>, shortest first.</summary>
    public static IReadOnlyList<string> BucketsFor(TimeSpan range) =>
        [.. Buckets.Where(b => TryParseBucket(b, out var bucket) && Fits(range, bucket))];

    /// <summary>The shortest offered bucket that suits <paramref name="range"/> (the longest offered one when none does).</summary>
    public static TimeSpan DefaultBucket(TimeSpan range)
    {
        var fitting = BucketsFor(range);
        TryParseBucket(fitting.Count > 0 ? fitting[0] : Buckets[^1], out var bucket);
        return bucket;
    }
}
