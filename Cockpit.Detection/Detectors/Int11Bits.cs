namespace Cockpit.Detection.Detectors;

/// <summary>
/// Signed 11-bit integers (−1024 to 1023) packed back to back in bytes, little-endian: eight take eleven bytes.
/// </summary>
internal static class Int11Bits
{
    public const int MinValue = -1024;
    public const int MaxValue = 1023;

    private const int Bits = 11;
    private const int Mask = (1 << Bits) - 1;

    /// <summary>Bytes that hold <paramref name="count"/> values, with the spare byte reading the last one needs.</summary>
    public static int BytesFor(int count) => ((count * Bits) + 7) / 8 + 1;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public static int Get(ReadOnlySpan<byte> bytes, int index)
    {
        var (first, shift) = Position(index);
        var window = bytes[first] | (bytes[first + 1] << 8) | (bytes[first + 2] << 16);

        // Shifted so the value's top bit is the int's sign bit, then back: sign-extended.
        return (window >> shift) << (32 - Bits) >> (32 - Bits);
    }

    /// <summary>Sets the value at <paramref name="index"/>, leaving its neighbours' bits as they were.</summary>
    public static void Set(Span<byte> bytes, int index, int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, MinValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        var (first, shift) = Position(index);
        var window = bytes[first] | (bytes[first + 1] << 8) | (bytes[first + 2] << 16);
        window = (window & ~(Mask << shift)) | ((value & Mask) << shift);
        bytes[first] = (byte)window;
        bytes[first + 1] = (byte)(window >> 8);
        bytes[first + 2] = (byte)(window >> 16);
    }

    // A value starts `shift` bits into byte `first` and spans at most three bytes (7 + 11 bits).
    private static (int First, int Shift) Position(int index) => (index * Bits / 8, index * Bits % 8);
}
