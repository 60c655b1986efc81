namespace Cockpit.Detection.Detectors;

/// <summary>
/// Heap sizes on 64-bit .NET, for honest <see cref="ISeriesDetector.StateBytes"/>: fields are padded to 8 bytes and
/// every object and array carries a header. The detector tests check these against the bytes actually allocated.
/// </summary>
internal static class StateSize
{
    // Object header word + method table pointer; arrays add their length (padded to 8).
    private const int ObjectHeader = 16;
    private const int ArrayHeader = 24;

    /// <summary>An object whose instance fields take <paramref name="fieldBytes"/> (the runtime's minimum is 24 bytes).</summary>
    public static int Object(int fieldBytes) => ObjectHeader + Math.Max(8, Align(fieldBytes));

    /// <summary>
    /// A struct held as a field of another object, whose instance fields take <paramref name="fieldBytes"/>: no header,
    /// padded to 8 bytes (it holds a reference or a long).
    /// </summary>
    public static int Inline(int fieldBytes) => Align(fieldBytes);

    /// <summary>An array of <paramref name="length"/> elements of <paramref name="elementBytes"/> each.</summary>
    public static int Array(int length, int elementBytes) => ArrayHeader + Align(length * elementBytes);

    private static int Align(int bytes) => (bytes + 7) & ~7;
}
