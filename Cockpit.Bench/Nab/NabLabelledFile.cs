namespace Cockpit.Bench.Nab;

/// <summary>
/// A data file's rows placed against its anomaly windows, before any detector or threshold: which window each row
/// falls in, whether it is past the probationary period, and the unweighted value σ a detection there would earn
/// (SCORING.md §2 and §4). A port of NAB's <c>Sweeper.calcSweepScore</c>, step for step, so that odd files
/// (repeated timestamps) are placed exactly as NAB places them; where NAB would crash or silently lose a window,
/// this throws <see cref="InvalidDataException"/> instead.
/// </summary>
public sealed class NabLabelledFile
{
    /// <summary>The window index of a row outside every window.</summary>
    public const int Outside = -1;

    private const double ProbationaryFraction = 0.15;
    private const int ProbationaryBaseRows = 5000;

    private readonly int[] _window;
    private readonly double[] _sigma;
    private readonly bool[] _label;

    private NabLabelledFile(string key, int[] window, double[] sigma, bool[] label, int windowCount, int scorableWindowCount)
    {
        Key = key;
        _window = window;
        _sigma = sigma;
        _label = label;
        WindowCount = windowCount;
        ScorableWindowCount = scorableWindowCount;
        ProbationaryLength = ProbationaryLengthFor(window.Length);
    }

    /// <summary>The file's key in the windows file, e.g. <c>realTraffic/speed_6005.csv</c>.</summary>
    public string Key { get; }

    /// <summary>
    /// The file's category: the part of <see cref="Key"/> before its first <c>/</c> (the folder under <c>data/</c>),
    /// or the whole key when it has none.
    /// </summary>
    public string Category => Key.Split('/', 2)[0];

    /// <summary>Rows in the file.</summary>
    public int RowCount => _window.Length;

    /// <summary>Rows with an index below this are probationary: never scored (a double, as in NAB).</summary>
    public double ProbationaryLength { get; }

    /// <summary>Windows the windows file lists for this file (all count in W, SCORING.md §7).</summary>
    public int WindowCount { get; }

    /// <summary>
    /// Windows with at least one row past the probationary period. Only these can be caught or missed; a window
    /// wholly inside the probationary period costs nothing (NAB's labeller never makes one).
    /// </summary>
    public int ScorableWindowCount { get; }

    /// <summary>min(floor(0.15 · rows), 0.15 · 5000), NAB's expression, so at most 750 rows.</summary>
    public static double ProbationaryLengthFor(int rows) =>
        Math.Min(Math.Floor(ProbationaryFraction * rows), ProbationaryFraction * ProbationaryBaseRows);

    /// <summary>True when row <paramref name="row"/> is past the probationary period, so a detection there counts.</summary>
    public bool IsScorable(int row) => row >= ProbationaryLength;

    /// <summary>The index (in the file's window list) of the window row <paramref name="row"/> is in, or <see cref="Outside"/>.</summary>
    public int WindowOf(int row) => _window[row];

    /// <summary>
    /// σ of the row's position: inside a window σ(−(R − i + 1)/W) (scaled by A_TP/σ(−1) when weighted); outside,
    /// σ(|i − R|/(W − 1)) against the most recent window that ended, or −1 before any window ended.
    /// </summary>
    public double Sigma(int row) => _sigma[row];

    /// <summary>What a detection on <paramref name="row"/> is worth under <paramref name="profile"/>: positive inside a window, negative outside.</summary>
    public double Weighted(int row, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.DetectionValue(_sigma[row], _window[row] != Outside);
    }

    /// <summary>The results file's label: the row's timestamp lies in one of the windows (NAB's labeller).</summary>
    public bool Label(int row) => _label[row];

    /// <summary>Places the rows at <paramref name="times"/> (file order) against <paramref name="windows"/> (time order).</summary>
    /// <exception cref="InvalidDataException">A window's start or end is not a timestamp of the file, or its end comes before its start.</exception>
    public static NabLabelledFile Create(string key, IReadOnlyList<DateTimeOffset> times, IReadOnlyList<NabWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(windows);
        var rows = times.Count;
        var window = new int[rows];
        var sigma = new double[rows];
        var label = new bool[rows];
        var next = 0;
        var current = Outside;
        var currentRight = 0;
        var currentWidth = 0.0;
        var previousRight = -1;
        var previousWidth = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var time = times[i];
            // As NAB: the next window opens on the first row at its start, even while another is open.
            if (next < windows.Count && time == windows[next].Start)
            {
                current = next++;
                currentRight = FirstIndexOf(times, windows[current].End);
                if (currentRight < 0)
                {
                    throw new InvalidDataException($"{key}: window {windows[current]} ends at a time that is not a timestamp of the file.");
                }

                if (currentRight < i)
                {
                    throw new InvalidDataException($"{key}: window {windows[current]} ends (row {currentRight + 1}) before it starts (row {i + 1}).");
                }

                currentWidth = currentRight - i + 1;
            }

            if (current != Outside)
            {
                window[i] = current;
                sigma[i] = NabSigmoid.Scaled(-(currentRight - i + 1) / currentWidth);
            }
            else
            {
                window[i] = Outside;
                // Only the most recent window that ended matters; a width-1 window makes this +∞, i.e. σ = −1.
                sigma[i] = previousRight < 0 ? -1.0 : NabSigmoid.Scaled(Math.Abs(previousRight - i) / (previousWidth - 1));
            }

            if (current != Outside && time == windows[current].End)
            {
                previousRight = i;
                previousWidth = currentWidth;
                current = Outside;
            }

            label[i] = InAnyWindow(windows, time);
        }

        if (next < windows.Count)
        {
            // NAB would skip this window and every later one without a word, while still counting them in W.
            throw new InvalidDataException($"{key}: window {windows[next]} starts at a time that is not a timestamp of the file (or not after the window before it).");
        }

        var probation = ProbationaryLengthFor(rows);
        var scorable = window.Where((w, i) => w != Outside && i >= probation).Distinct().Count();
        return new NabLabelledFile(key, window, sigma, label, windows.Count, scorable);
    }

    private static bool InAnyWindow(IReadOnlyList<NabWindow> windows, DateTimeOffset time)
    {
        for (var w = 0; w < windows.Count; w++)
        {
            if (windows[w].Contains(time))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstIndexOf(IReadOnlyList<DateTimeOffset> times, DateTimeOffset time)
    {
        for (var i = 0; i < times.Count; i++)
        {
            if (times[i] == time)
            {
                return i;
            }
        }

        return -1;
    }
}
