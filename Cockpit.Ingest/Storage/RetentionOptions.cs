using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Storage;

/// <summary>How long each resolution is kept (<c>Cockpit:Store:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Raw points.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Raw { get; set; } = TimeSpan.FromDays(14);

    /// <summary>1-minute rollups (embedded store).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Minute { get; set; } = TimeSpan.FromDays(90);

    /// <summary>1-hour rollups (embedded store).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Hour { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often retention runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest of the three: nothing older survives anywhere.</summary>
    public TimeSpan Longest => TimeSpan.FromTicks(Math.Max(Raw.Ticks, Math.Max(Minute.Ticks, Hour.Ticks)));
}
