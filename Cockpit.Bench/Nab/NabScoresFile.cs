using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Writes <c>&lt;out&gt;/&lt;detector&gt;/scores.json</c>: per profile the threshold, raw and normalised scores and
/// window counts, and each file's raw score, so a tuner can see which files lose points.
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
    public static string Write(string outFolder, string detector, IReadOnlyList<NabProfileScore> scores, IEnumerable<string> unscoredFiles)
    {
        ArgumentNullException.ThrowIfNull(scores);
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
                // JSON has no NaN: a corpus without windows has no normalised score.
                Score = double.IsNaN(s.NormalisedScore) ? (double?)null : s.NormalisedScore,
                s.Windows,
                s.DetectedWindows,
                s.MissedWindows,
                s.FalsePositives,
                s.Files,
            }),
            UnscoredFiles = unscoredFiles,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
