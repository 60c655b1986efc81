using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="ScoreRarity"/>.</summary>
public sealed class ScoreRarityOptions
{
    /// <summary>Calibrates scores by the series' own history of scores; off passes the detectors' scores through.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often, at most, evidence this strong may have been seen on the series for it to be at the edge of anomalous
    /// (score 0.5): one point in this many. Evidence that the series shows more often than that is its normal.
    /// </summary>
    [Range(2.0, 1e9)]
    public double EdgeRarity { get; set; } = 200;

    /// <summary>Points the history remembers (counts are halved when it is full), so a series can calm down again.</summary>
    [Range(64, 60_000)]
    public int Memory { get; set; } = 8192;

    /// <summary>TUNING: recent EWMA weight.</summary>
    public double RecentWeight { get; set; } = 1;

    /// <summary>TUNING: imagined share per bin beyond the max.</summary>
    public double Beyond { get; set; } = 1;

    /// <summary>TUNING: how rarity and evidence combine.</summary>
    public int Mode { get; set; }
}
