namespace Cockpit.Bench.Nab;

/// <summary>
/// NAB's threshold optimisation (SCORING.md §6, <c>optimizer.py</c> with <c>Sweeper.calcScoreByThreshold</c>): the
/// scorable rows of every file pooled and sorted by score, highest first; candidates are 1.1 (no detection) and then
/// each distinct score; S_raw of every candidate comes from one pass that lowers the threshold a row at a time,
/// keeping each window's best detection. O(n log n) for the sort, then O(n) per profile. The highest S_raw wins;
/// among equal ones the higher threshold, as NAB's stable sort does.
/// </summary>
public sealed class NabThresholdSweep
{
    /// <summary>The first candidate threshold; no score in [0, 1] reaches it.</summary>
    public const double FirstCandidate = 1.1;

    private const int NoWindow = -1;

    // The pooled scorable rows, highest score first.
    private readonly double[] _scores;
    private readonly int[] _windows;
    private readonly double[] _sigmas;

    // Windows numbered across the corpus; only those with a scorable row take part (as NAB's score parts).
    private readonly bool[] _windowScorable;

    /// <summary>Pools and sorts the scorable rows of <paramref name="files"/>.</summary>
    public NabThresholdSweep(IReadOnlyList<NabScoredFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var scores = new List<double>();
        var windows = new List<int>();
        var sigmas = new List<double>();
        var firstWindow = 0;
        foreach (var file in files)
        {
            file.Validate();
            var labels = file.Labels;
            for (var row = 0; row < labels.RowCount; row++)
            {
                if (!labels.IsScorable(row))
                {
                    continue;
                }

                var window = labels.WindowOf(row);
                scores.Add(file.Scores[row]);
                windows.Add(window == NabLabelledFile.Outside ? NoWindow : firstWindow + window);
                sigmas.Add(labels.Sigma(row));
            }

            firstWindow += labels.WindowCount;
        }

        var order = Enumerable.Range(0, scores.Count).ToArray();
        var keys = scores.Select(s => -s).ToArray();
        Array.Sort(keys, order);
        _scores = [.. order.Select(i => scores[i])];
        _windows = [.. order.Select(i => windows[i])];
        _sigmas = [.. order.Select(i => sigmas[i])];
        _windowScorable = new bool[firstWindow];
        foreach (var window in windows.Where(w => w != NoWindow))
        {
            _windowScorable[window] = true;
        }
    }

    /// <summary>Scorable rows pooled.</summary>
    public int RowCount => _scores.Length;

    /// <summary>The best threshold under <paramref name="profile"/> and its pooled S_raw.</summary>
    public NabThreshold Best(NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var parts = new double[_windowScorable.Length];
        var windowSum = 0.0;
        for (var w = 0; w < parts.Length; w++)
        {
            if (_windowScorable[w])
            {
                parts[w] = -profile.FalseNegativeWeight;
                windowSum += parts[w];
            }
        }

        var falsePositiveSum = 0.0;
        var candidate = FirstCandidate;
        var best = new NabThreshold(candidate, windowSum);
        for (var k = 0; k < _scores.Length; k++)
        {
            if (_scores[k] != candidate)
            {
                // Every row above this one is a detection at the current candidate: record it, move on to this score.
                best = Better(best, new NabThreshold(candidate, falsePositiveSum + windowSum));
                candidate = _scores[k];
            }

            var window = _windows[k];
            var value = profile.DetectionValue(_sigmas[k], inWindow: window != NoWindow);
            if (window == NoWindow)
            {
                falsePositiveSum += value;
            }
            else if (value > parts[window])
            {
                // Only a window's best detection counts; values fall through a window, so this is its earliest one.
                windowSum += value - parts[window];
                parts[window] = value;
            }
        }

        return Better(best, new NabThreshold(candidate, falsePositiveSum + windowSum));
    }

    // Candidates come in falling order, so keeping the earlier one on a tie keeps the higher threshold.
    private static NabThreshold Better(NabThreshold best, NabThreshold candidate) =>
        candidate.RawScore > best.RawScore ? candidate : best;
}
