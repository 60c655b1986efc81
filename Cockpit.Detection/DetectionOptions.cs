using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection;

/// <summary>Detection and live-view settings (<c>Cockpit:Detection</c>).</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Cockpit:Detection";

    /// <summary>The complaint-surge rule: complaints per district and bucket against a robust baseline.</summary>
    [Required]
    [ValidateObjectMembers]
    public SurgeRuleOptions ComplaintSurge { get; set; } = new();

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

/// <summary>Settings of a robust z-score rule.</summary>
public sealed class SurgeRuleOptions
{
    /// <summary>Bucket the points are summed into before scoring.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Bucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Buckets in the sliding baseline window.</summary>
    [Range(5, 10_000)]
    public int Window { get; set; } = 60;

    /// <summary>Buckets needed before the rule scores at all.</summary>
    [Range(3, 10_000)]
    public int MinHistory { get; set; } = 20;

    /// <summary>Robust z-score at or above which a bucket is anomalous.</summary>
    [Range(1.0, 100.0)]
    public double Threshold { get; set; } = 4.5;

    /// <summary>Robust z-score below which a bucket counts towards recovery.</summary>
    [Range(0.0, 100.0)]
    public double RecoverBelow { get; set; } = 2.0;

    /// <summary>Consecutive anomalous buckets before the alert fires.</summary>
    [Range(1, 1_000)]
    public int PendingBuckets { get; set; } = 2;

    /// <summary>Consecutive recovered buckets before the alert resolves.</summary>
    [Range(1, 1_000)]
    public int RecoveryBuckets { get; set; } = 5;
}
