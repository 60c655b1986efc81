namespace Cockpit.Detection.Detectors;

/// <summary>
/// The one mapping from a detector's evidence (a robust z, a CUSUM sum, a multiple of the usual interval) to the
/// [0, 1] score of <see cref="DetectorReading"/>: <c>score = 1 − 2^−(s·e / e½)²</c>, where e½ is the detector's
/// evidence at the edge of anomalous and s its sensitivity. Evidence e½ therefore scores exactly 0.5 at sensitivity 1;
/// half of it scores 0.16 and twice it 0.94, so scores near the edge stay graded while overwhelming evidence
/// saturates towards 1. Sensitivity multiplies the evidence, so the edge moves to e½ / s.
/// </summary>
public static class AnomalyScale
{
    /// <summary>The score at the edge of anomalous: scores at or above it are anomalous.</summary>
    public const double Edge = 0.5;

    /// <summary>
    /// Maps non-negative <paramref name="evidence"/> to a score in [0, 1]; 0 for evidence ≤ 0, NaN for NaN, 1 for
    /// infinite evidence.
    /// </summary>
    /// <param name="evidence">How far from normal the detector finds the series, in the detector's own unit.</param>
    /// <param name="evidenceAtEdge">The evidence that scores <see cref="Edge"/> at sensitivity 1 (e½).</param>
    /// <param name="sensitivity">Multiplies the evidence; higher makes scores rise faster.</param>
    public static double Score(double evidence, double evidenceAtEdge, double sensitivity)
    {
        if (double.IsNaN(evidence))
        {
            return double.NaN;
        }

        if (evidence <= 0)
        {
            return 0;
        }

        var ratio = sensitivity * evidence / evidenceAtEdge;
        return 1 - double.Exp2(-(ratio * ratio));
    }

    /// <summary>The evidence that scores <see cref="Edge"/> at <paramref name="sensitivity"/>: where the normal band ends.</summary>
    public static double EdgeEvidence(double evidenceAtEdge, double sensitivity) => evidenceAtEdge / sensitivity;

    /// <summary>
    /// A reading from signed evidence (positive: too high, negative: too low): the score goes to the side the evidence
    /// points to and the other side scores 0.
    /// </summary>
    public static DetectorReading Signed(
        double signedEvidence, double evidenceAtEdge, double sensitivity, double expected, double lower, double upper)
    {
        var score = Score(Math.Abs(signedEvidence), evidenceAtEdge, sensitivity);
        return signedEvidence >= 0
            ? new DetectorReading(score, 0, expected, lower, upper)
            : new DetectorReading(0, score, expected, lower, upper);
    }

    /// <summary>
    /// Applies a further <paramref name="sensitivity"/> to a score already mapped at sensitivity 1 (a rule's sensitivity
    /// on top of its detectors'): since <c>1 − score = 2^−r²</c>, multiplying the evidence by s gives
    /// <c>1 − (1 − score)^(s²)</c>. Exact for scores from <see cref="Score"/>; keeps 0 and 1 (a threshold's breach) as they are.
    /// </summary>
    public static double Sharpen(double score, double sensitivity) =>
        sensitivity == 1 || double.IsNaN(score) ? score : 1 - Math.Pow(1 - score, sensitivity * sensitivity);
}
