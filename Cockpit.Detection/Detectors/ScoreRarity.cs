using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Calibrates a series' anomaly scores by how rare their evidence is on that series. A histogram of the evidence of
/// every point so far (and one of the evidence sustained over three points) gives the share of points whose evidence
/// was at least as strong; a score stays anomalous only while that share is below one point in
/// <see cref="ScoreRarityOptions.EdgeRarity"/>. Evidence a series shows all the time (a quantised metric flipping
/// between two levels, spikes it always has) becomes its normal, while a usually quiet series keeps its full score.
/// A value beyond the range the series has shown is a record and rarer still. Self-calibrating: no per-series
/// setting, and one global threshold then means about the same rarity everywhere.
/// State: a 32-bin and a 24-bin ushort histogram and a few scalars (144 B), held inside a <see cref="ScoreCalibration"/>:
/// a struct, so it costs no object header of its own. Keep it in a field or a local, never a copy.
/// </summary>
public struct ScoreRarity
{
    // Evidence is the ratio r to the detectors' edge (r = 1 scores 0.5), binned by half octaves from 2^−4 to 2^12 so
    // that, unlike the score (which reaches 1 near r = 7), a value ten times further out than usual stays rarer.
    private const int BinsPerOctave = 2;
    private const int LowestOctave = -4;
    private const int Bins = 32;

    // Sustained evidence counts only from the edge on (see Calibrate), so its histogram starts at the edge's bin.
    private const int EdgeBin = -LowestOctave * BinsPerOctave;
    private const int SustainedBins = Bins - EdgeBin;

    // The bin of a point not seen yet.
    private const byte NoBin = byte.MaxValue;

    // One imagined point at least as strong as the current one keeps a short history from calling anything rare; each
    // half octave beyond the strongest evidence ever seen quarters it, so going further out than ever is rarer still
    // (a quarter rather than a half: one NAB false alarm fewer, nothing lost).
    private const double BeyondFactor = 0.25;

    // A value outside the range the series has shown is a record, and an anomalous record is rare whatever the history
    // of its evidence: each 1/256 of that range beyond it halves the share (1 % beyond: a sixth; 3 %: under 1/2000).
    // Records by a hair (quantisation, a slow trend) are barely affected.
    private const double RangeHalvings = 256;

    private readonly ScoreRarityOptions _options;
    // The points' histogram, then the sustained evidence's, inside this struct: an array costs a header and a reference.
    private Histograms _counts;
    private byte _previousBin = NoBin;
    private byte _beforePreviousBin = NoBin;

    // The range of values seen in this memory epoch and in the previous one: forgotten as the counts are.
    private float _lowest = float.NaN;
    private float _highest = float.NaN;
    private float _previousLowest = float.NaN;
    private float _previousHighest = float.NaN;
    private int _total;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public ScoreRarity(ScoreRarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EdgeRarity, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Memory, 64);
        _options = options;
    }

    /// <summary>The settings it was created with.</summary>
    public readonly ScoreRarityOptions Options => _options;

    /// <summary>Bytes of state, where it is held.</summary>
    // Fields: a reference, four floats, an int, two bytes and the histograms.
    public readonly int StateBytes => StateSize.Inline(8 + (4 * 4) + 4 + 2 + ((Bins + SustainedBins) * sizeof(ushort)));

    /// <summary>
    /// The calibrated <paramref name="score"/> of <paramref name="value"/>: the lower of the score and the rarity of
    /// <paramref name="ratio"/> (the unsaturated evidence behind it, 1 at the edge), rarer still when the value lies
    /// beyond the range the series has shown; then learns both. NaN stays NaN and teaches nothing.
    /// </summary>
    public double Calibrate(double score, double ratio, double value)
    {
        if (double.IsNaN(score) || double.IsNaN(ratio) || !double.IsFinite(value) || !_options.Enabled)
        {
            return score;
        }

        var octave = Math.Max(ratio > 0 ? Math.Log2(ratio) - LowestOctave : 0, 0);

        // The evidence sustained over the last three points: a single spike leaves it low, a new regime raises it. Its
        // bin is the lowest of the three points' bins, so those are all that is kept of the two before.
        var bin = Bin(octave);
        var sustainedBin = _previousBin == NoBin || _beforePreviousBin == NoBin
            ? NoBin
            : Math.Min(bin, Math.Min(_previousBin, _beforePreviousBin));
        _beforePreviousBin = _previousBin;
        _previousBin = (byte)bin;
        var share = Share(Points, bin, BeyondFactor) * Novelty(value);

        // Only evidence at the edge or beyond on all three points is a regime; weaker runs are noise, however rare.
        var regime = sustainedBin != NoBin && sustainedBin >= EdgeBin;
        if (regime)
        {
            share = Math.Min(share, Share(Sustained, sustainedBin - EdgeBin, 1));
        }

        var rarity = AnomalyScale.Score(-Math.Log2(share), Math.Log2(_options.EdgeRarity), 1);
        Learn(bin, regime ? sustainedBin - EdgeBin : -1);
        return Math.Min(score, rarity);
    }

    // How much rarer than its evidence alone a value is for lying beyond the range seen: 1 inside it, and while the
    // history is too short for a range to mean anything.
    private double Novelty(double value)
    {
        var lowest = Math.Min(_lowest, _previousLowest);
        var highest = Math.Max(_highest, _previousHighest);
        if (float.IsNaN(_lowest))
        {
            (lowest, highest) = (_previousLowest, _previousHighest);
        }
        else if (float.IsNaN(_previousLowest))
        {
            (lowest, highest) = (_lowest, _highest);
        }

        _lowest = float.IsNaN(_lowest) ? (float)value : Math.Min(_lowest, (float)value);
        _highest = float.IsNaN(_highest) ? (float)value : Math.Max(_highest, (float)value);
        var range = highest - lowest;
        if (_total < _options.EdgeRarity || !(range > 0))
        {
            return 1;
        }

        var beyond = Math.Max(value - highest, lowest - value) / range;
        return beyond > 0 ? double.Exp2(-RangeHalvings * beyond) : 1;
    }

    // Spans over this struct's own histograms: valid while the struct is where it is held.
    [UnscopedRef]
    private Span<ushort> Points => ((Span<ushort>)_counts)[..Bins];

    // Bin i here is bin EdgeBin + i of the points' histogram.
    [UnscopedRef]
    private Span<ushort> Sustained => ((Span<ushort>)_counts)[Bins..];

    private static int Bin(double octave) => (int)Math.Clamp(octave * BinsPerOctave, 0, Bins - 1);

    // The share of points so far whose evidence fell in this bin or above. Sustained evidence gets no bonus beyond the
    // strongest seen: its histogram is narrower than the points' own, so ordinary points would often land beyond it.
    private double Share(ReadOnlySpan<ushort> counts, int bin, double beyondFactor)
    {
        var atLeast = 0;
        var highest = -1;
        for (var i = 0; i < counts.Length; i++)
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

    // A sustained bin of -1 is evidence short of a regime, which its histogram does not count.
    private void Learn(int bin, int sustainedBin)
    {
        // Memory is far below ushort.MaxValue, so halving at it also keeps every count in range.
        if (_total >= _options.Memory)
        {
            foreach (ref var count in (Span<ushort>)_counts)
            {
                count /= 2;
            }

            _total = 0;
            foreach (var count in Points)
            {
                _total += count;
            }

            (_previousLowest, _previousHighest) = (_lowest, _highest);
            (_lowest, _highest) = (float.NaN, float.NaN);
        }

        Points[bin]++;
        if (sustainedBin >= 0)
        {
            Sustained[sustainedBin]++;
        }

        _total++;
    }

    [InlineArray(Bins + SustainedBins)]
    private struct Histograms
    {
        private ushort _count;
    }
}
