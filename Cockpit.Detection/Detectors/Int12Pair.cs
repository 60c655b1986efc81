namespace Cockpit.Detection.Detectors;

/// <summary>Two signed 12-bit integers (−2048 to 2047) in three bytes.</summary>
internal readonly struct Int12Pair
{
    public const int MinValue = -2048;
    public const int MaxValue = 2047;

    // The first value's low 8 bits, both values' remaining nibbles, the second value's high 8 bits.
    private readonly byte _low;
    private readonly byte _middle;
    private readonly byte _high;

    private Int12Pair(int first, int second)
    {
        _low = (byte)first;
        _middle = (byte)(((first >> 8) & 0xF) | ((second & 0xF) << 4));
        _high = (byte)(second >> 4);
    }

    /// <summary>The first (0) or second (1) value.</summary>
    public int this[int index] => index == 0
        ? ((_low | (_middle << 8)) << 20) >> 20
        : (((_middle >> 4) | (_high << 4)) << 20) >> 20;

    /// <summary>This pair with the value at <paramref name="index"/> replaced by <paramref name="value"/>.</summary>
    public Int12Pair With(int index, int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, MinValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        return index == 0 ? new Int12Pair(value, this[1]) : new Int12Pair(this[0], value);
    }
}
