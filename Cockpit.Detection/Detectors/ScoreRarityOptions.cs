using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="ScoreCalibration"/>: of its <see cref="ScoreRarity"/> and its <see cref="DailyRecurrence"/>.</summary>
public sealed class ScoreRarityOptions
{
    /// <summary>Calibrates scores by the series' own history of evidence; off passes the detectors' scores through.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Evidence the series has shown on more than one point in this many is its normal and scores below 0.5, however
    /// strong: e.g. the jumps of a metric that flips between two levels. 100 points is under two hours of minute data
    /// and a few days of hourly data, so anything rarer than that stays an anomaly.
    /// </summary>
    [Range(2.0, 1e9)]
    public double EdgeRarity { get; set; } = 100;

    /// <summary>Points the history remembers (counts are halved when it is full), so a series can calm down again.</summary>
    [Range(64, 60_000)]
    public int Memory { get; set; } = 8192;

    /// <summary>
    /// Anomalous evidence at a time of day at which the series was anomalous on one of the seven previous days (a nightly
    /// job) needs twice the evidence to stay anomalous.
    /// </summary>
    public bool DailyRoutines { get; set; } = true;
}
