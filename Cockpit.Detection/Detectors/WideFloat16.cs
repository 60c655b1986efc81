namespace Cockpit.Detection.Detectors;

/// <summary>
/// A float kept in 16 bits with two more exponent bits than a <see cref="Half"/> and two fewer mantissa bits: a
/// relative precision of 2^-9 (0.2 %) for magnitudes from 2^-63 to 2^65 (about 1e-19 to 4e19); smaller ones are kept
/// as zero, larger ones as the largest. For values whose range is unknown but whose digits matter only roughly, such as
/// offsets from a level.
/// </summary>
internal readonly struct WideFloat16
{
    private const int SignBit = 1 << 15;

    // A float's exponent bias is 127, this one's 63: their difference, in place above the 8 mantissa bits.
    private const int BiasDifference = (127 - 63) << 8;
    private const int LargestMagnitude = SignBit - 1;

    private readonly ushort _bits;

    private WideFloat16(int bits) => _bits = (ushort)bits;

    /// <summary>The nearest one (ties to even), zero and the largest beyond the range; <paramref name="value"/> must be finite.</summary>
    public static explicit operator WideFloat16(float value)
    {
        if (!float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A WideFloat16 holds finite values only.");
        }

        var bits = BitConverter.SingleToUInt32Bits(value);
        var sign = (int)(bits >> 16) & SignBit;
        var magnitude = bits & 0x7FFF_FFFF;

        // The float's exponent and its top 8 mantissa bits, rounded on the rest, then rebiased.
        var rounded = (int)((magnitude + 0x3FFF + ((magnitude >> 15) & 1)) >> 15) - BiasDifference;
        return new WideFloat16(sign | Math.Clamp(rounded, 0, LargestMagnitude));
    }

    public static implicit operator float(WideFloat16 value)
    {
        var magnitude = value._bits & LargestMagnitude;
        var sign = (uint)(value._bits & SignBit) << 16;
        return magnitude == 0
            ? BitConverter.UInt32BitsToSingle(sign)
            : BitConverter.UInt32BitsToSingle(sign | ((uint)(magnitude + BiasDifference) << 15));
    }
}
