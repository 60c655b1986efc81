using System.Runtime.InteropServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// A float rounded to 15 mantissa bits and kept in three bytes: a float's range, a relative precision of 2^-16
/// (0.0015 %), for state that needs far less than a float's 2^-24 but more than a Half's 2^-11.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct Float24
{
    // The float's top three bytes: sign, exponent and the top 15 mantissa bits.
    private readonly byte _low;
    private readonly byte _middle;
    private readonly byte _high;

    private Float24(uint top)
    {
        _low = (byte)top;
        _middle = (byte)(top >> 8);
        _high = (byte)(top >> 16);
    }

    /// <summary>The nearest Float24 (ties to even); NaN stays NaN, and a value beyond the largest rounds to infinity.</summary>
    public static explicit operator Float24(float value)
    {
        if (float.IsNaN(value))
        {
            value = float.NaN;
        }

        var bits = BitConverter.SingleToUInt32Bits(value);
        return new Float24((bits + 0x7F + ((bits >> 8) & 1)) >> 8);
    }

    public static implicit operator float(Float24 value) =>
        BitConverter.UInt32BitsToSingle(((uint)value._high << 24) | ((uint)value._middle << 16) | ((uint)value._low << 8));
}
