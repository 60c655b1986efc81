using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Writes <c>&lt;out&gt;/&lt;detector&gt;/scores.json</c>: per profile the threshold, raw and normalised scores and
/// window counts, and each file's raw score, so a tuner can see which files lose points; and the leave-one-category-out
/// result per profile with each category's threshold and score.
/// </summary>
public static class NabScoresFile
{
    /// <summary>The file's name in the detector's results folder.</summary>
    public const string FileName = "scores.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes the scores of <paramref name="detector"/> and returns the file's path.</summary>
    /// <param name="outFolder">The results folder.</param>
    /// <param name="detector">The detector's name.</param>
    /// <param name="scores">The scores with the threshold fitted on every file, per profile.</param>
    /// <param name="leaveOneOut">The leave-one-category-out scores, per profile.</param>
    /// <param name="unscoredFiles">Files that got results but are not in the windows file.</param>
    public static string Write(
        string outFolder,
        string detector,
        IReadOnlyList<NabProfileScore> scores,
        IReadOnlyList<NabLeaveOneCategoryOutScore> leaveOneOut,
        IEnumerable<string> unscoredFiles)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(leaveOneOut);
        var path = Path.Combine(outFolder, detector, FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new
        {
            Detector = detector,
            Profiles = scores.Select(s => new
            {
                Profile = s.Profile.Name,
                s.Profile.TruePositiveWeight,
                s.Profile.FalseNegativeWeight,
                s.Profile.FalsePositiveWeight,
                s.Threshold,
                s.RawScore,
                Score = Normalised(s.NormalisedScore),
                s.Windows,
                s.DetectedWindows,
                s.MissedWindows,
                s.FalsePositives,
                s.Files,
            }),
            LeaveOneCategoryOut = leaveOneOut.Select(l => new
            {
                Profile = l.Profile.Name,
                l.RawScore,
                Score = Normalised(l.NormalisedScore),
                l.Windows,
                l.DetectedWindows,
                l.MissedWindows,
                l.FalsePositives,
                Categories = l.Categories.Select(c => new
                {
                    c.Category,
                    c.Score.Threshold,
                    c.Score.RawScore,
                    Score = Normalised(c.Score.NormalisedScore),
                    c.Score.Windows,
                    c.Score.DetectedWindows,
                    c.Score.MissedWindows,
                    c.Score.FalsePositives,
                }),
            }),
            UnscoredFiles = unscoredFiles,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    // JSON has no NaN: a corpus or category without windows has no normalised score.
    private static double? Normalised(double score) => double.IsNaN(score) ? null : score;
}
