namespace Cockpit.Bench.Nab;

/// <summary>One file's part of a profile's score at the chosen threshold, so a tuner can see which files lose points.</summary>
/// <param name="Key">The file's key, e.g. <c>realTraffic/speed_6005.csv</c>.</param>
/// <param name="RawScore">The file's S_raw at the threshold; the files' raw scores add up to the corpus's.</param>
/// <param name="Windows">Windows the windows file lists for the file.</param>
/// <param name="DetectedWindows">Windows with at least one detection.</param>
/// <param name="MissedWindows">Scorable windows without a detection (each costs A_FN).</param>
/// <param name="FalsePositives">Detections outside every window, past the probationary period.</param>
public sealed record NabFileScore(string Key, double RawScore, int Windows, int DetectedWindows, int MissedWindows, int FalsePositives);
