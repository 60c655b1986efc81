using System.IO.Hashing;
using System.Runtime.InteropServices;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Log;

/// <summary>
/// Which partition a series belongs to: a stable hash (xxHash32 of its canonical key's UTF-16 code units) modulo the
/// partition count, the same in every process and version — never <see cref="string.GetHashCode()"/>, which is
/// randomised per process.
/// </summary>
public static class LogPartitioner
{
    public static int PartitionOf(SeriesKey series, int partitions)
    {
        ArgumentNullException.ThrowIfNull(series);
        return partitions <= 1 ? 0 : (int)(XxHash32.HashToUInt32(MemoryMarshal.AsBytes(series.Canonical.AsSpan())) % (uint)partitions);
    }
}
