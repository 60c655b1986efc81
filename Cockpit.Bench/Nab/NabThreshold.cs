namespace Cockpit.Bench.Nab;

/// <summary>A candidate threshold and the raw score S_raw it gives over the pooled corpus.</summary>
/// <param name="Threshold">θ: a row is a detection when its score is at least θ.</param>
/// <param name="RawScore">S_raw(θ), SCORING.md §5.</param>
public readonly record struct NabThreshold(double Threshold, double RawScore);
