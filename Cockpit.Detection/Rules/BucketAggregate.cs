namespace Cockpit.Detection.Rules;

/// <summary>How a rule folds the points of one bucket into the value it scores.</summary>
public enum BucketAggregate
{
    /// <summary>The sum (counts: complaints per district per minute).</summary>
    Sum,

    /// <summary>The mean (rates and durations).</summary>
    Mean,

    /// <summary>The largest value.</summary>
    Max,
}
