namespace Cockpit.Web.Wall;

/// <summary>One scored value of a charted series: the value, what the detectors expected and their normal band.</summary>
/// <param name="TimeMs">Event time, Unix milliseconds (a bucket's start for bucketed rules).</param>
/// <param name="Value">The scored value.</param>
/// <param name="Expected">The expected value; NaN when unknown.</param>
/// <param name="Lower">Lower edge of the normal band; NaN when unknown.</param>
/// <param name="Upper">Upper edge of the normal band; NaN when unknown.</param>
public readonly record struct BandPoint(long TimeMs, double Value, double Expected, double Lower, double Upper);
