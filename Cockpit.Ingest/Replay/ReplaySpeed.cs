using System.ComponentModel;
using System.Globalization;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// How fast a replay runs: <see cref="Factor"/> recorded seconds per real second, or as fast as possible when it is 0.
/// Configuration writes it as a number or <c>max</c>.
/// </summary>
[TypeConverter(typeof(ReplaySpeedConverter))]
public readonly record struct ReplaySpeed
{
    private ReplaySpeed(double factor) => Factor = factor;

    /// <summary>Recorded time passes as it did when it was recorded.</summary>
    public static ReplaySpeed RealTime { get; } = new(1);

    /// <summary>Every batch is published as soon as the previous one is.</summary>
    public static ReplaySpeed AsFastAsPossible { get; } = new(0);

    /// <summary>Recorded seconds per real second; 0 means as fast as possible.</summary>
    public double Factor { get; }

    /// <summary>True when batches are published back to back, without waiting.</summary>
    public bool IsAsFastAsPossible => Factor == 0;

    /// <summary>A replay <paramref name="factor"/> times faster than real time; 0 means as fast as possible.</summary>
    public static ReplaySpeed Times(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A replay speed is a finite number ≥ 0 (0 = as fast as possible).");
        }

        return new ReplaySpeed(factor);
    }

    /// <summary>Reads <c>max</c> or a number (invariant culture), optionally followed by <c>x</c>.</summary>
    public static bool TryParse(string? text, out ReplaySpeed speed)
    {
        speed = RealTime;
        var span = text.AsSpan().Trim();
        if (span.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            speed = AsFastAsPossible;
            return true;
        }

        if (span.EndsWith("x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[..^1];
        }

        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !double.IsFinite(factor) || factor < 0)
        {
            return false;
        }

        speed = new ReplaySpeed(factor);
        return true;
    }

    /// <summary>The delay before a batch <paramref name="recorded"/> after the first one is due.</summary>
    public TimeSpan Scale(TimeSpan recorded) =>
        IsAsFastAsPossible || recorded <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Min(recorded.Ticks / Factor, TimeSpan.MaxValue.Ticks));

    public override string ToString() => IsAsFastAsPossible ? "max" : Factor.ToString(CultureInfo.InvariantCulture) + "x";
}
