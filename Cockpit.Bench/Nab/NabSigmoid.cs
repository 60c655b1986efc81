namespace Cockpit.Bench.Nab;

/// <summary>
/// NAB's scaled sigmoid (SCORING.md §4): σ(p) = 2·sigmoid(−5p) − 1 for p ≤ 3, −1 beyond. It falls from +1 to −1
/// as p grows, with σ(0) = 0. Written with the same operations as NAB's Python so the values agree to the last bit.
/// </summary>
public static class NabSigmoid
{
    /// <summary>σ(−1) = 0.986614, what a detection on a window's first row is worth before scaling to A_TP.</summary>
    public static readonly double MaxTruePositive = Scaled(-1.0);

    /// <summary>σ(<paramref name="position"/>).</summary>
    public static double Scaled(double position) =>
        position > 3.0 ? -1.0 : (2 * Sigmoid(-5 * position)) - 1.0;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
