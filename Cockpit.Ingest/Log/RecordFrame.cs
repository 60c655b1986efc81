using System.Buffers.Binary;
using System.IO.Hashing;

namespace Cockpit.Ingest.Log;

/// <summary>
/// How a record sits in a segment file: a 28-byte header — payload length, payload CRC-32, offset, append time (Unix
/// milliseconds), and a CRC-32 of those 24 bytes — then the payload. Both checksums must hold and the offset must be the
/// one expected, or the bytes are not a record: a torn tail after a crash is recognised and cut, never replayed.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderBytes = 28;

    /// <summary>Writes the header for a payload into <paramref name="header"/> (28 bytes).</summary>
    public static void WriteHeader(Span<byte> header, int payloadLength, uint payloadCrc, long offset, long appendedAtMs)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], payloadCrc);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], appendedAtMs);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], Crc32.HashToUInt32(header[..24]));
    }

    /// <summary>Reads a header; false when its checksum fails or its length is impossible.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, long maxPayload, out int payloadLength, out uint payloadCrc, out long offset, out long appendedAtMs)
    {
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        payloadCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        offset = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        appendedAtMs = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        return BinaryPrimitives.ReadUInt32LittleEndian(header[24..]) == Crc32.HashToUInt32(header[..24])
            && payloadLength >= 0 && payloadLength <= maxPayload;
    }

    public static uint Checksum(ReadOnlySpan<byte> payload) => Crc32.HashToUInt32(payload);
}
