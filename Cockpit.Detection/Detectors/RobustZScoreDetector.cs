using MathNet.Numerics.Statistics;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Scores a value against the median and MAD of the last <c>window</c> values (robust to the very outliers it
/// looks for, unlike mean and standard deviation). The scale never falls below √median, the noise of a count,
/// nor below <see cref="MinimumScale"/>, so quiet series do not turn single events into huge scores. Values are
/// winsorised before they enter the window, so a long surge does not become the baseline within minutes.
/// State is a fixed ring of doubles: a few hundred bytes per series.
/// </summary>
public sealed class RobustZScoreDetector
{
    /// <summary>Smallest scale used, in the series' units.</summary>
    public const double MinimumScale = 1.0;

    // 1.4826 × MAD estimates σ for normally distributed data.
    private const double MadToSigma = 1.4826;

    private readonly double[] _window;
    private readonly double[] _scratch;
    private readonly int _minHistory;
    private readonly double _clampAt;
    private int _count;
    private int _next;

    public RobustZScoreDetector(int window, int minHistory, double clampAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHistory, 3);
        _window = new double[window];
        _scratch = new double[window];
        _minHistory = Math.Min(minHistory, window);
        _clampAt = clampAt;
    }

    /// <summary>Values currently in the window.</summary>
    public int Count => _count;

    /// <summary>
    /// Scores <paramref name="value"/> against the window and then adds it. Returns NaN while the window holds
    /// fewer than the minimum history, and for non-finite values (which are not added).
    /// </summary>
    public ZScore Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return ZScore.None;
        }

        if (_count < _minHistory)
        {
            Add(value);
            return ZScore.None;
        }

        // The *Inplace functions reorder their input, so they run on a scratch copy of the ring. MathNet takes
        // whole arrays: a full window (the steady state) reuses the scratch array; warm-up allocates.
        var n = _count;
        var data = n == _scratch.Length ? _scratch : new double[n];
        Array.Copy(_window, data, n);
        var median = ArrayStatistics.MedianInplace(data);
        for (var i = 0; i < n; i++)
        {
            data[i] = Math.Abs(data[i] - median);
        }

        var mad = ArrayStatistics.MedianInplace(data);
        var scale = Math.Max(Math.Max(MadToSigma * mad, Math.Sqrt(Math.Max(median, 0))), MinimumScale);
        var z = (value - median) / scale;
        Add(Math.Clamp(value, median - (_clampAt * scale), median + (_clampAt * scale)));
        return new ZScore(z, median, scale);
    }

    private void Add(double value)
    {
        _window[_next] = value;
        _next = (_next + 1) % _window.Length;
        if (_count < _window.Length)
        {
            _count++;
        }
    }
}

/// <summary>A robust z-score with the baseline it was measured against.</summary>
/// <param name="Value">The score; NaN when there was no baseline yet.</param>
/// <param name="Median">The baseline median.</param>
/// <param name="Scale">The robust scale (σ estimate).</param>
public readonly record struct ZScore(double Value, double Median, double Scale)
{
    /// <summary>No score: not enough history, or a non-finite input.</summary>
    public static ZScore None { get; } = new(double.NaN, double.NaN, double.NaN);
}
