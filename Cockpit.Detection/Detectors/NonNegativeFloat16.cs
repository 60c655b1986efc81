namespace Cockpit.Detection.Detectors;

/// <summary>
/// A non-negative float (or NaN) kept in 16 bits: its exponent and the top 8 bits of its mantissa, so a float's range
/// at a relative precision of 2^-9 (0.2 %), for scales whose own estimate is far rougher than that. Without a sign bit
/// it is twice as precise as the top half of a float.
/// </summary>
internal readonly struct NonNegativeFloat16
{
    private readonly ushort _bits;

    private NonNegativeFloat16(ushort bits) => _bits = bits;

    /// <summary>The nearest one (ties to even); NaN stays NaN. <paramref name="value"/> must not be negative.</summary>
    public static explicit operator NonNegativeFloat16(float value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A NonNegativeFloat16 has no sign.");
        }

        if (float.IsNaN(value))
        {
            value = float.NaN;
        }
        var bits = BitConverter.SingleToUInt32Bits(value);
        return new NonNegativeFloat16((ushort)((bits + 0x3FFF + ((bits >> 15) & 1)) >> 15));
    }

    public static implicit operator float(NonNegativeFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value._bits << 15);
}
