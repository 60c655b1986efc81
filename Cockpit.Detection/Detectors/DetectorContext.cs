namespace Cockpit.Detection.Detectors;

/// <summary>
/// Scratch space shared by every detector fed from one stream, so that per-series state holds no buffers and
/// scoring a point allocates nothing. One per pipeline (per thread); never shared across threads.
/// </summary>
public sealed class DetectorContext
{
    /// <summary>Longest buffer <see cref="Buffer"/> hands out.</summary>
    public const int MaxLength = 4096;

    private readonly Dictionary<int, double[]> _buffers = [];

    /// <summary>
    /// A buffer of exactly <paramref name="length"/> doubles that a detector may overwrite freely during one
    /// <see cref="ISeriesDetector.Observe(long, double, DetectorContext)"/> call. Exact lengths suit MathNet's whole-array functions
    /// (e.g. <c>ArrayStatistics.MedianInplace</c>); one array per distinct length is kept and reused.
    /// </summary>
    public double[] Buffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        if (!_buffers.TryGetValue(length, out var buffer))
        {
            buffer = new double[length];
            _buffers.Add(length, buffer);
        }

        return buffer;
    }
}
