using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Testing;

/// <summary>Shared builders for points and times.</summary>
public static class Points
{
    /// <summary>A fixed Monday, 2026-11-23 00:00 UTC (08:00 in Guangzhou).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static SeriesKey Complaints(string region, string channel = "hotline", string category = "broadband") =>
        SeriesKey.Create(
            MetricNames.Complaints,
            (MetricNames.RegionTag, region),
            (MetricNames.ChannelTag, channel),
            (MetricNames.CategoryTag, category));

    public static MetricPoint At(SeriesKey series, string field, double value, DateTimeOffset time) =>
        new(series, field, value, UnixTime.ToNanos(time), "test");

    public static MetricPoint Count(string region, double value, DateTimeOffset time, string channel = "hotline") =>
        At(Complaints(region, channel), MetricNames.CountField, value, time);
}
