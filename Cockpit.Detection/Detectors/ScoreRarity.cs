namespace Cockpit.Detection.Detectors;

/// <summary>
/// Calibrates a series' anomaly scores by how rare their evidence is on that series. A histogram of the evidence of
/// every point so far (and one of the evidence sustained over three points) gives the share of points whose evidence was at least as
/// strong; a score stays anomalous only while that share is below one point in
/// <see cref="ScoreRarityOptions.EdgeRarity"/>. Evidence a series shows all the time (a quantised metric flipping
/// between two levels, spikes it always has) becomes its normal, while a usually quiet series keeps its full score.
/// Self-calibrating: no per-series setting, and one global threshold then means about the same rarity everywhere.
/// State: two ushort[32] histograms and a few scalars (224 B).
/// </summary>
public sealed class ScoreRarity
{
    // Evidence is the ratio r to the detectors' edge (r = 1 scores 0.5), binned by half octaves from 2^−4 to 2^12 so
    // that, unlike the score (which reaches 1 near r = 7), a value ten times further out than usual stays rarer.
    private const int BinsPerOctave = 2;
    private const int LowestOctave = -4;
    private const int Bins = 32;

    // One imagined point at least as strong as the current one keeps a short history from calling anything rare; each
    // half octave beyond the strongest evidence ever seen halves it, so going further out than ever is rarer still.
    private const double BeyondFactor = 0.5;

    private readonly ScoreRarityOptions _options;
    private readonly ushort[] _counts = new ushort[Bins];
    private readonly ushort[] _recentCounts = new ushort[Bins];
    private float _previous = float.NaN;
    private float _beforePrevious = float.NaN;
    private int _total;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public ScoreRarity(ScoreRarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EdgeRarity, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Memory, 64);
        _options = options;
    }

    /// <summary>Bytes of state.</summary>
    // Fields: three references, two floats and an int.
    public int StateBytes => StateSize.Object((3 * 8) + (2 * 4) + 4) + (2 * StateSize.Array(Bins, sizeof(ushort)));

    /// <summary>
    /// The calibrated <paramref name="score"/>: the lower of it and the rarity of <paramref name="ratio"/> (the
    /// unsaturated evidence behind it, 1 at the edge); then learns the ratio. NaN stays NaN and teaches nothing.
    /// </summary>
    public double Calibrate(double score, double ratio)
    {
        if (double.IsNaN(score) || double.IsNaN(ratio) || !_options.Enabled)
        {
            return score;
        }

        var octave = Math.Max(ratio > 0 ? Math.Log2(ratio) - LowestOctave : 0, 0);
        // The evidence sustained over the last three points: a single spike leaves it low, a new regime raises it.
        var sustained = Math.Min(octave, Math.Min(_previous, _beforePrevious));
        _beforePrevious = _previous;
        _previous = (float)octave;
        var bin = Bin(octave);
        var recentBin = double.IsNaN(sustained) ? 0 : Bin(sustained);
        var share = Share(_counts, bin, BeyondFactor);
        if (sustained >= -LowestOctave)
        {
            // Only evidence at the edge or beyond on all three points is a regime; weaker runs are noise, however rare.
            share = Math.Min(share, Share(_recentCounts, recentBin, 1));
        }
        var rarity = AnomalyScale.Score(-Math.Log2(share), Math.Log2(_options.EdgeRarity), 1);
        Learn(bin, recentBin);
        return Math.Min(score, rarity);
    }

    private static int Bin(double octave) => (int)Math.Clamp(octave * BinsPerOctave, 0, Bins - 1);

    // The share of points so far whose evidence fell in this bin or above. Sustained evidence gets no bonus beyond the
    // strongest seen: its histogram is narrower than the points' own, so ordinary points would often land beyond it.
    private double Share(ushort[] counts, int bin, double beyondFactor)
    {
        var atLeast = 0;
        var highest = -1;
        for (var i = 0; i < Bins; i++)
        {
            if (counts[i] > 0)
            {
                highest = i;
                if (i >= bin)
                {
                    atLeast += counts[i];
                }
            }
        }

        var imagined = highest >= 0 && bin > highest ? Math.Pow(beyondFactor, bin - highest) : 1.0;
        return (atLeast + imagined) / (_total + 1.0);
    }

    private void Learn(int bin, int recentBin)
    {
        // Memory is far below ushort.MaxValue, so halving at it also keeps every count in range.
        if (_total >= _options.Memory)
        {
            _total = 0;
            for (var i = 0; i < Bins; i++)
            {
                _counts[i] = (ushort)(_counts[i] / 2);
                _recentCounts[i] = (ushort)(_recentCounts[i] / 2);
                _total += _counts[i];
            }
        }

        _counts[bin]++;
        _recentCounts[recentBin]++;
        _total++;
    }
}
