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

    /// <summary>
    /// The sum of the rule's field divided by the sum of its <see cref="DetectionRuleOptions.DivideBy"/> field, times
    /// <see cref="DetectionRuleOptions.Multiplier"/>: a success rate as successes over attempts, which weighs every
    /// attempt alike (a mean of per-minute rates would let a quiet minute with one failed attempt count as 0 %).
    /// </summary>
    Ratio,
}
