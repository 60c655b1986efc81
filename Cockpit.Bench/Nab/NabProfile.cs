namespace Cockpit.Bench.Nab;

/// <summary>
/// A NAB cost profile (<c>config/profiles.json</c>, SCORING.md §8). <c>tnWeight</c> is left out: NAB's code never
/// uses it.
/// </summary>
/// <param name="Name">The profile's name as NAB prints it.</param>
/// <param name="TruePositiveWeight">A_TP: what catching a window on its first row is worth.</param>
/// <param name="FalseNegativeWeight">A_FN: what missing a window costs.</param>
/// <param name="FalsePositiveWeight">A_FP: what a detection far from any window costs.</param>
public sealed record NabProfile(string Name, double TruePositiveWeight, double FalseNegativeWeight, double FalsePositiveWeight)
{
    public static NabProfile Standard { get; } = new("standard", 1.0, 1.0, 0.11);

    public static NabProfile RewardLowFalsePositiveRate { get; } = new("reward_low_FP_rate", 1.0, 1.0, 0.22);

    public static NabProfile RewardLowFalseNegativeRate { get; } = new("reward_low_FN_rate", 1.0, 2.0, 0.11);

    /// <summary>The three profiles, in NAB's order.</summary>
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFalsePositiveRate, RewardLowFalseNegativeRate];

    /// <summary>
    /// What a detection is worth given its row's σ (<see cref="NabLabelledFile.Sigma"/>): σ·A_TP/σ(−1) inside a
    /// window, σ·A_FP outside; in NAB's order of operations.
    /// </summary>
    public double DetectionValue(double sigma, bool inWindow) =>
        inWindow ? sigma * TruePositiveWeight / NabSigmoid.MaxTruePositive : sigma * FalsePositiveWeight;
}
