using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>A rule with everything the per-point path needs worked out once.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(DetectionRuleOptions options)
    {
        Options = options;
        Matcher = new TagMatcher(options);
        Timing = RuleTiming.From(options);
        BucketNs = options.Bucket is { } bucket ? UnixTime.ToNanos(bucket) : 0;
        GroupBy = [.. options.GroupBy];
        LabelsField = options.Field == "*";
        Divisor = options.Aggregate == BucketAggregate.Ratio ? options.DivideBy : null;
    }

    /// <summary>The divisor field of a ratio rule; null otherwise.</summary>
    public string? Divisor { get; }

    /// <summary>The field a point of <paramref name="field"/> is watched under: a ratio's dividend and divisor share one subject.</summary>
    public string KeyField(string field) => Divisor is null ? field : Options.Field;

    /// <summary>The field as alerts name it: <c>successes/attempts</c> for a ratio.</summary>
    public string ShownField(string field) => Divisor is null ? field : Options.Field + "/" + Divisor;

    public DetectionRuleOptions Options { get; }

    public string Name => Options.Name;

    public TagMatcher Matcher { get; }

    public RuleTiming Timing { get; }

    /// <summary>Bucket width in nanoseconds; 0 scores every point.</summary>
    public long BucketNs { get; }

    /// <summary>Tags whose values make up a group; empty watches each series on its own.</summary>
    public string[] GroupBy { get; }

    /// <summary>Whether alerts carry the field as a label (the rule watches every field, so the field tells alerts apart).</summary>
    public bool LabelsField { get; }

    public bool IsSilence => Options.Detector == DetectorKind.NoData;
}
