namespace Cockpit.Detection.Rules;

/// <summary>Which detector a rule runs on its series.</summary>
public enum DetectorKind
{
    /// <summary>Robust median/MAD score against a sliding window (on the residual from the seasonal baseline when seasonal).</summary>
    Surge,

    /// <summary>Two-sided CUSUM: level shifts and slow sustained declines or rises.</summary>
    LevelShift,

    /// <summary>Distance from the expected value of the hour of the week.</summary>
    Seasonal,

    /// <summary>Fixed limits with hysteresis.</summary>
    Threshold,

    /// <summary>Silence for longer than K times the usual interval between points.</summary>
    NoData,

    /// <summary>Surge, level shift and seasonal together, as one score (the largest).</summary>
    Combined,
}
