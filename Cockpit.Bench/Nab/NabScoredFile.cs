namespace Cockpit.Bench.Nab;

/// <summary>A detector's anomaly scores for one labelled file, one per row in file order.</summary>
/// <param name="Labels">The file's rows placed against its windows.</param>
/// <param name="Scores">The detector's score per row, each in [0, 1].</param>
public sealed record NabScoredFile(NabLabelledFile Labels, IReadOnlyList<double> Scores)
{
    /// <summary>Throws when the scores do not fit the file: a different row count, or a score outside [0, 1].</summary>
    public void Validate()
    {
        if (Scores.Count != Labels.RowCount)
        {
            throw new ArgumentException($"{Labels.Key}: {Scores.Count} scores for {Labels.RowCount} rows; NAB matches scores to rows by position.");
        }

        for (var i = 0; i < Scores.Count; i++)
        {
            // NaN fails this too. NAB assumes [0, 1]: its first candidate threshold, 1.1, must detect nothing.
            if (!(Scores[i] >= 0 && Scores[i] <= 1))
            {
                throw new ArgumentException($"{Labels.Key}: row {i + 1} has score {Scores[i]}; scores must lie in [0, 1].");
            }
        }
    }
}
