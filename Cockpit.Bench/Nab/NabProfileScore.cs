namespace Cockpit.Bench.Nab;

/// <summary>A detector's NAB result under one profile: the optimised threshold and the scores it gives.</summary>
/// <param name="Profile">The cost profile.</param>
/// <param name="Threshold">The threshold shared by every file (SCORING.md §6).</param>
/// <param name="RawScore">S_raw: the sum of the files' raw scores at the threshold.</param>
/// <param name="NormalisedScore">100·(S_raw − S_null)/(S_perfect − S_null); NaN when the corpus has no window.</param>
/// <param name="Windows">W: the windows the windows file lists for the scored files.</param>
/// <param name="DetectedWindows">Windows with at least one detection.</param>
/// <param name="MissedWindows">Scorable windows without a detection.</param>
/// <param name="FalsePositives">Detections outside every window.</param>
/// <param name="Files">Each file's part, in corpus order.</param>
public sealed record NabProfileScore(
    NabProfile Profile,
    double Threshold,
    double RawScore,
    double NormalisedScore,
    int Windows,
    int DetectedWindows,
    int MissedWindows,
    int FalsePositives,
    IReadOnlyList<NabFileScore> Files);
