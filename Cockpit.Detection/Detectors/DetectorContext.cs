namespace Cockpit.Detection.Detectors;

/// <summary>
/// Scratch space shared by every detector fed from one stream, so that per-series state holds no buffers and
/// scoring a point allocates nothing. One per pipeline (per thread); never shared across threads.
/// </summary>
public sealed class DetectorContext
{
    /// <summary>Largest window any detector may copy into <see cref="Scratch"/>.</summary>
    public const int MaxWindow = 1024;

    /// <summary>A buffer a detector may overwrite freely during one <see cref="ISeriesDetector.Observe"/> call.</summary>
    public double[] Scratch { get; } = new double[MaxWindow];
}
