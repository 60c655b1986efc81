namespace Cockpit.Detection.Detectors;

/// <summary>
/// The state one detector keeps for one series, fed that series' points in arrival order. Implementations are small
/// (the goal is under 1 KiB for every detector of a series together), allocate nothing per point, and are not
/// thread-safe: one series is fed from one stream.
/// </summary>
public interface ISeriesDetector
{
    /// <summary>
    /// Scores <paramref name="value"/> at <paramref name="timestampNs"/> (Unix nanoseconds, event time) against what
    /// was learnt so far, then learns from it. Returns <see cref="DetectorReading.None"/>, and learns nothing, for a
    /// non-finite value and for a point older than the newest one already seen (late data must not corrupt state;
    /// the store keeps it). Also returns None, while learning, during warm-up.
    /// </summary>
    DetectorReading Observe(long timestampNs, double value, DetectorContext context);

    /// <summary>
    /// <see cref="Observe(long, double, DetectorContext)"/> with what the caller knows beyond the value:
    /// <paramref name="noise"/> is the chance noise of this value on its <see cref="ValueScale"/> (1 for a count,
    /// 1 / (2√(n + ½)) for a proportion of n trials; NaN when unknown), which the detector never judges the series
    /// calmer than and weighs the value by; <paramref name="hold"/> says the value belongs to an anomaly under way (its
    /// alert is open or pending), so it is scored but not learnt as normal: expected value and band stay those from
    /// before the incident. A detector that has no use for either (a fixed threshold) need not implement it.
    /// </summary>
    DetectorReading Observe(long timestampNs, double value, double noise, bool hold, DetectorContext context) =>
        Observe(timestampNs, value, context);

    /// <summary>Bytes of state this instance holds, arrays and object headers included (for the memory benchmark).</summary>
    int StateBytes { get; }
}
