using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rules;

/// <summary>
/// The checks on <c>Cockpit:Detection</c> that span several settings (attributes check single values): unique rule
/// names, groups that have a bucket, a partition index inside the partition count.
/// </summary>
internal sealed class DetectionRulesValidator : IValidateOptions<DetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionOptions options)
    {
        var failures = new List<string>();
        if (options.PartitionIndex >= options.PartitionCount)
        {
            failures.Add($"Cockpit:Detection:PartitionIndex ({options.PartitionIndex}) must be below PartitionCount ({options.PartitionCount}).");
        }

        foreach (var duplicate in options.Rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Cockpit:Detection:Rules has {duplicate.Count()} rules named '{duplicate.Key}'; names must be unique.");
        }

        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            failures.AddRange(Problems(rule).Select(problem => $"Cockpit:Detection:Rules:{i} ('{rule.Name}'): {problem}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with one rule's combination of settings, in words that need no position to make sense.</summary>
    internal static IEnumerable<string> Problems(DetectionRuleOptions rule)
    {
        if (rule.GroupBy.Count > 0 && rule.Bucket is null && rule.Detector != DetectorKind.NoData)
        {
            yield return $"it groups by {string.Join(", ", rule.GroupBy)} but has no Bucket to fold the group's points into.";
        }

        if (rule.Aggregate == BucketAggregate.Ratio && (rule.Bucket is null || string.IsNullOrEmpty(rule.DivideBy) || rule.Field == "*"))
        {
            yield return "it aggregates a Ratio: it needs one Field, a DivideBy field and a Bucket.";
        }

        if (rule.Values == ValueModel.Proportions && rule.Aggregate != BucketAggregate.Ratio)
        {
            yield return "it scores Proportions, which are the Ratio of a Field to its DivideBy field: set Aggregate to Ratio, or Values to Continuous.";
        }

        if (rule.Detector == DetectorKind.Threshold && rule.Threshold is null)
        {
            yield return "it is a Threshold rule without Threshold limits (Below/RecoverAbove, Above/RecoverBelow).";
        }

        if (rule.RecoverBelow > rule.FireAbove)
        {
            yield return $"RecoverBelow ({rule.RecoverBelow}) must not exceed FireAbove ({rule.FireAbove}).";
        }
    }
}
