namespace Cockpit.Detection.Detectors;

/// <summary>
/// The variance-stabilising scales of <see cref="Rules.ValueModel"/>: counts and proportions are mapped to a scale on
/// which their chance noise is known (see <see cref="Forward"/>), so that one detector judges a quiet night and a busy noon
/// alike, and mapped back for the expected value and band people read.
/// <list type="bullet">
/// <item>Counts: Anscombe's 2√(x + 3/8), on which a Poisson count has noise ≈ 1 at every level (from about 1 a bucket up).</item>
/// <item>Proportions of n trials: arcsin √((s + 3/8) / (n + 3/4)), on which a binomial proportion has noise
/// 1 / (2√(n + ½)); unlike the plain proportion it keeps the skew of rare failures (3 failures in 5 attempts at a usual
/// 96 % comes out near its exact binomial tail rather than ten times rarer).</item>
/// </list>
/// </summary>
public readonly record struct ValueScale
{
    private const double CountOffset = 3.0 / 8;

    private readonly Rules.ValueModel _model;
    private readonly double _multiplier;

    /// <summary>A scale for <paramref name="model"/> (resolved: not Auto); <paramref name="multiplier"/> is what a proportion of 1 reads as (100 for a percentage).</summary>
    public ValueScale(Rules.ValueModel model, double multiplier = 1)
    {
        _model = model == Rules.ValueModel.Auto ? Rules.ValueModel.Continuous : model;
        _multiplier = multiplier > 0 && double.IsFinite(multiplier) ? multiplier : 1;
    }

    /// <summary>The model, resolved.</summary>
    public Rules.ValueModel Model => _model;

    /// <summary>
    /// <paramref name="value"/> on the stable scale, and its chance noise there (NaN when the model knows none: a
    /// measurement, or a proportion without its number of trials).
    /// </summary>
    /// <remarks>
    /// A proportion's scaled value is corrected for the pull of the 3/8 offsets towards ½, which is larger the fewer the
    /// trials: measured against <paramref name="usualShare"/> (the series' usual proportion, NaN when unknown), busy and
    /// quiet buckets of an unchanged process then scale to the same value, and only a change of the process moves it.
    /// </remarks>
    public (double Scaled, double Noise) Forward(double value, double trials, double usualShare = double.NaN)
    {
        switch (_model)
        {
            case Rules.ValueModel.Counts:
                return (2 * Math.Sqrt(Math.Max(value, 0) + CountOffset), 1);
            case Rules.ValueModel.Proportions:
                var share = Share(value);
                if (!(trials > 0) || !double.IsFinite(trials))
                {
                    return (Math.Asin(Math.Sqrt(share)), double.NaN);
                }

                var usual = double.IsNaN(usualShare) ? share : Math.Clamp(usualShare, 0, 1);
                var pull = Arcsine(usual * trials, trials) - Math.Asin(Math.Sqrt(usual));
                return (Arcsine(share * trials, trials) - pull, 0.5 / Math.Sqrt(trials + 0.5));
            default:
                return (value, double.NaN);
        }
    }

    /// <summary>A proportion in the series' units as a share in [0, 1].</summary>
    public double Share(double value) => Math.Clamp(value / _multiplier, 0, 1);

    private static double Arcsine(double successes, double trials) =>
        Math.Asin(Math.Sqrt((successes + CountOffset) / (trials + (2 * CountOffset))));

    /// <summary>A value on the stable scale (an expected value, a band's edge) in the series' own units; NaN stays NaN.</summary>
    public double Back(double scaled)
    {
        if (double.IsNaN(scaled))
        {
            return scaled;
        }

        switch (_model)
        {
            case Rules.ValueModel.Counts:
                var root = Math.Max(scaled, 0) / 2;
                return Math.Max((root * root) - CountOffset, 0);
            case Rules.ValueModel.Proportions:
                var sine = Math.Sin(Math.Clamp(scaled, 0, Math.PI / 2));
                return _multiplier * sine * sine;
            default:
                return scaled;
        }
    }
}
