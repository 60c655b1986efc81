namespace Cockpit.Detection.Detectors;

/// <summary>
/// The state a no-data detector keeps for one subject. Unlike <see cref="ISeriesDetector"/> it is judged on a
/// timer, not on points: silence is the absence of points.
/// </summary>
public interface ISilenceDetector
{
    /// <summary>Learns from a point's event time and the scheduler time it arrived at (both Unix nanoseconds).</summary>
    void Observe(long eventTimestampNs, long arrivalNs);

    /// <summary>How silent the subject is at <paramref name="nowNs"/> (scheduler time); <c>Up</c> is the score.</summary>
    DetectorReading Evaluate(long nowNs);

    /// <summary>Bytes of state this instance holds.</summary>
    int StateBytes { get; }
}
