namespace Cockpit.Detection.Detectors;

/// <summary>
/// Calibrates a series' anomaly scores by how rare they are on that series: a histogram of the evidence behind every
/// score seen so far gives the share of points whose evidence was at least this strong. Evidence a series shows every
/// few hundred points (a quantised metric flipping between two levels, a daily step the baseline draws too smoothly)
/// is its normal and stops scoring high, while a series that is usually quiet keeps its full score. Self-calibrating:
/// no per-series setting, one global threshold then means the same rarity everywhere.
/// </summary>
public sealed class ScoreRarity
{
    // Evidence is kept as the ratio r to the edge (r = 1 scores 0.5) on a log scale, half-octave bins from 2^−4 to
    // 2^12: unlike the score, which saturates at 1 near r = 7, a value ten times further out than usual stays rarer.
    private const int BinsPerOctave = 2;
    private const int LowestOctave = -4;
    private const int Bins = 32;

    private readonly ScoreRarityOptions _options;
    private readonly ushort[] _counts = new ushort[Bins];
    private readonly ushort[] _recentCounts = new ushort[Bins];
    private float _recent = float.NaN;
    private int _total;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public ScoreRarity(ScoreRarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Bytes of state.</summary>
    public int StateBytes => StateSize.Object(8 + 8 + 4) + StateSize.Array(Bins, sizeof(ushort));

    /// <summary>The calibrated score of <paramref name="score"/> (NaN stays NaN and teaches nothing); then learns it.</summary>
    public double Calibrate(double score, double ratio)
    {
        if (double.IsNaN(score) || !_options.Enabled)
        {
            return score;
        }

        var octave = Math.Max(ratio > 0 ? Math.Log2(ratio) - LowestOctave : 0, 0);
        var bin = Bin(octave);
        _recent = float.IsNaN(_recent) ? (float)octave : (float)(_recent + (_options.RecentWeight * (octave - _recent)));
        var recentBin = Bin(_recent);
        var share = Share(_counts, bin, _total);
        if (_options.RecentWeight < 1)
        {
            share = Math.Min(share, Share(_recentCounts, recentBin, _total));
        }

        var rarity = AnomalyScale.Score(-Math.Log2(share), Math.Log2(_options.EdgeRarity), 1);
        Learn(bin, recentBin);
        return _options.Mode switch
        {
            0 => Math.Min(score, rarity),
            1 => score * rarity,
            2 => rarity >= AnomalyScale.Edge ? score : Math.Min(score, rarity),
            3 => rarity,
            _ => score,
        };
    }

    private static int Bin(double octave) => (int)Math.Clamp(octave * BinsPerOctave, 0, Bins - 1);

    private double Share(ushort[] counts, int bin, int total)
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

        // One imagined point as strong as this one keeps a short history from calling anything rare; beyond the
        // strongest evidence ever seen it counts less with every bin, so going further out than ever is rarer still.
        var imagined = bin > highest && highest >= 0 ? Math.Pow(_options.Beyond, bin - highest) : 1.0;
        return (atLeast + imagined) / (total + 1.0);
    }

    private void Learn(int bin, int recentBin)
    {
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
