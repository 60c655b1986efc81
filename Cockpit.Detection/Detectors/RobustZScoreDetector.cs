using MathNet.Numerics.Statistics;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Scores a count against the median and MAD of the last <c>window</c> values (robust to the very outliers it
/// looks for, unlike mean and standard deviation). The scale never falls below √m + 1, with m the larger of the
/// window's median and mean: the noise of a Poisson count plus a continuity margin, so quiet series (mostly zeros,
/// where the MAD is 0) do not turn a handful of events into huge scores. Anomalous
/// values (score at or above the threshold) stay out of the window, so a surge does not become its own baseline;
/// after a full window's worth of them in a row the new level is accepted as normal (a lasting level shift).
/// State is two fixed arrays of doubles: about a kilobyte per series for a 60-value window.
/// </summary>
public sealed class RobustZScoreDetector
{
    // 1.4826 × MAD estimates σ for normally distributed data.
    private const double MadToSigma = 1.4826;

    private readonly double[] _window;
    private readonly double[] _scratch;
    private readonly int _minHistory;
    private readonly double _threshold;
    private int _count;
    private int _next;
    private int _excludedInARow;

    public RobustZScoreDetector(int window, int minHistory, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHistory, 3);
        _window = new double[window];
        _scratch = new double[window];
        _minHistory = Math.Min(minHistory, window);
        _threshold = threshold;
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
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += data[i];
            data[i] = Math.Abs(data[i] - median);
        }

        var mad = ArrayStatistics.MedianInplace(data);
        var countNoise = Math.Sqrt(Math.Max(Math.Max(median, sum / n), 0)) + 1;
        var scale = Math.Max(MadToSigma * mad, countNoise);
        var z = (value - median) / scale;
        if (Math.Abs(z) < _threshold)
        {
            _excludedInARow = 0;
            Add(value);
        }
        else if (_excludedInARow >= _window.Length)
        {
            Add(value);
        }
        else
        {
            _excludedInARow++;
        }

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
