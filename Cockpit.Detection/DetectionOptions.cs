using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Rules;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection;

/// <summary>Detection and live-view settings (<c>Cockpit:Detection</c>).</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Cockpit:Detection";

    /// <summary>The detection rules; defaults for the three metric families ship in appsettings.json.</summary>
    [ValidateEnumeratedItems]
    public List<DetectionRuleOptions> Rules { get; set; } = [];

    /// <summary>Most subjects (watched series or groups) and most routed series kept; further ones are counted and skipped.</summary>
    [Range(1, 10_000_000)]
    public int MaxSubjects { get; set; } = 250_000;

    /// <summary>A subject or series that has sent nothing for this long is forgotten (its learnt state with it).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a silent subject of a no-data rule is still watched (so that long silences are reported).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SilenceForgetAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often silence is judged and idle subjects are evicted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many detection processes share the subjects (each owns those whose key hashes to its index).</summary>
    [Range(1, 4096)]
    public int PartitionCount { get; set; } = 1;

    /// <summary>Which share this process owns, from 0 to <see cref="PartitionCount"/> − 1.</summary>
    [Range(0, 4095)]
    public int PartitionIndex { get; set; }

    /// <summary>Width of the live rollup buckets the wall is drawn from.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RollupBucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many rollup buckets are kept in memory per district and metric.</summary>
    [Range(10, 10_000)]
    public int RollupBuckets { get; set; } = 180;

    /// <summary>Most distinct districts kept in the live rollups; data for others is still stored, only not on the wall.</summary>
    [Range(1, 10_000)]
    public int MaxRollupRegions { get; set; } = 64;

    /// <summary>Shortest time between two pushes to one UI subscriber.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan UiThrottle { get; set; } = TimeSpan.FromSeconds(1);
}
