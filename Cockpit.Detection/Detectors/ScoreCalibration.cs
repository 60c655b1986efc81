namespace Cockpit.Detection.Detectors;

/// <summary>
/// Calibrates a series' combined anomaly score by the series' own history: by how rare its evidence is there
/// (<see cref="ScoreRarity"/>), then, with <see cref="ScoreRarityOptions.DailyRoutines"/>, by whether it repeats a
/// daily routine (<see cref="DailyRecurrence"/>): anomalous evidence at a time of day at which the series was anomalous
/// on one of the last seven days needs twice the evidence. Both parts are held in this one object, so a series pays
/// one object header for them. State: 240 B.
/// </summary>
public sealed class ScoreCalibration
{
    // A nightly job is known, yet a job that runs far outside its usual size is still news.
    private const double RoutineSensitivity = 0.5;

    private ScoreRarity _rarity;
    private DailyRecurrence _routines;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public ScoreCalibration(ScoreRarityOptions options)
    {
        _rarity = new ScoreRarity(options);
        _routines = new DailyRecurrence();
    }

    /// <summary>Bytes of state.</summary>
    // Fields: the two parts.
    public int StateBytes => StateSize.Object(_rarity.StateBytes + _routines.StateBytes);

    /// <summary>
    /// The calibrated <paramref name="score"/> of <paramref name="value"/> at <paramref name="timestampNs"/>, given the
    /// unsaturated evidence behind it (<paramref name="ratio"/>, 1 at the edge); then learns from it. NaN stays NaN.
    /// </summary>
    public double Calibrate(long timestampNs, double score, double ratio, double value)
    {
        score = _rarity.Calibrate(score, ratio, value);
        if (!_rarity.Options.DailyRoutines || double.IsNaN(score))
        {
            return score;
        }

        var anomalous = score >= AnomalyScale.Edge;
        return _routines.Recurs(timestampNs, anomalous) && anomalous ? AnomalyScale.Sharpen(score, RoutineSensitivity) : score;
    }
}
