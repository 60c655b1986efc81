using System.Runtime.CompilerServices;
using Cockpit.Detection.Detectors;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// The window detectors of a <see cref="DetectorStack"/> in their order, followed by nulls. Held inside the stack
/// rather than as an array of its own, which would cost every series an array header and a reference.
/// </summary>
[InlineArray(Capacity)]
internal struct WindowDetectors
{
    /// <summary>The most window detectors a stack runs (Combined: surge and level shift).</summary>
    public const int Capacity = 2;

    private ISeriesDetector? _detector;

    /// <summary>The state of every detector held.</summary>
    public readonly int StateBytes
    {
        get
        {
            var bytes = 0;
            foreach (var detector in this)
            {
                bytes += detector?.StateBytes ?? 0;
            }

            return bytes;
        }
    }

    /// <summary>Holds <paramref name="detectors"/>; more than <see cref="Capacity"/> is an error.</summary>
    public static WindowDetectors Of(ReadOnlySpan<ISeriesDetector> detectors)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(detectors.Length, Capacity, nameof(detectors));
        var held = default(WindowDetectors);
        for (var i = 0; i < detectors.Length; i++)
        {
            held[i] = detectors[i];
        }

        return held;
    }
}
