namespace Cockpit.Detection.Rules;

/// <summary>
/// What kind of numbers a rule scores, and so how much a value may wander by chance alone. Counts and proportions
/// carry their own noise (Poisson, binomial): a rise from 3 to 9 complaints at night is stronger evidence than one
/// from 300 to 306 at noon, and a success rate over 20 attempts is far less certain than one over 2 000.
/// </summary>
public enum ValueModel
{
    /// <summary><see cref="Proportions"/> for a <see cref="BucketAggregate.Ratio"/> rule, <see cref="Continuous"/> otherwise.</summary>
    Auto,

    /// <summary>Measurements (latency, temperature): the noise is learnt from the series alone.</summary>
    Continuous,

    /// <summary>
    /// Event counts (complaints per district per minute): scored on a square-root scale where Poisson noise is the
    /// same at every level, and never judged calmer than Poisson noise.
    /// </summary>
    Counts,

    /// <summary>
    /// Successes over attempts (a <see cref="BucketAggregate.Ratio"/>): each bucket is judged against the binomial
    /// noise of its own number of attempts, so quiet hours weigh little and busy hours much.
    /// </summary>
    Proportions,
}
