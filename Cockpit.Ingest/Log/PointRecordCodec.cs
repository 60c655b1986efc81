using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Log;

/// <summary>
/// The bytes of one record's points: a table of the strings it uses (measurements, tag keys and values, fields,
/// sources), a table of its series (measurement and tags as string indexes), then per point its series, field and
/// source indexes, flags, value and timestamp (a zig-zag delta from the previous one). A batch of a few series and
/// many points costs about 12 bytes a point; every name is written once per record.
/// </summary>
internal static class PointRecordCodec
{
    /// <summary>Encodes the points into <paramref name="output"/>.</summary>
    public static void Encode(ReadOnlySpan<MetricPoint> points, ArrayBufferWriter<byte> output)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var series = new Dictionary<SeriesKey, int>();
        var stringList = new List<string>();
        var seriesList = new List<SeriesKey>();

        int StringIndex(string s)
        {
            if (!strings.TryGetValue(s, out var index))
            {
                index = stringList.Count;
                strings.Add(s, index);
                stringList.Add(s);
            }

            return index;
        }

        foreach (ref readonly var point in points)
        {
            if (!series.ContainsKey(point.Series))
            {
                series.Add(point.Series, seriesList.Count);
                seriesList.Add(point.Series);
                StringIndex(point.Series.Measurement);
                foreach (var (key, value) in point.Series.Tags)
                {
                    StringIndex(key);
                    StringIndex(value);
                }
            }

            StringIndex(point.Field);
            StringIndex(point.Source);
        }

        WriteVarint(output, (ulong)stringList.Count);
        foreach (var s in stringList)
        {
            var length = Encoding.UTF8.GetByteCount(s);
            WriteVarint(output, (ulong)length);
            Encoding.UTF8.GetBytes(s, output.GetSpan(length));
            output.Advance(length);
        }

        WriteVarint(output, (ulong)seriesList.Count);
        foreach (var key in seriesList)
        {
            WriteVarint(output, (ulong)strings[key.Measurement]);
            WriteVarint(output, (ulong)key.Tags.Length);
            foreach (var (k, v) in key.Tags)
            {
                WriteVarint(output, (ulong)strings[k]);
                WriteVarint(output, (ulong)strings[v]);
            }
        }

        WriteVarint(output, (ulong)points.Length);
        var previous = 0L;
        foreach (ref readonly var point in points)
        {
            WriteVarint(output, (ulong)series[point.Series]);
            WriteVarint(output, (ulong)strings[point.Field]);
            WriteVarint(output, (ulong)strings[point.Source]);
            var span = output.GetSpan(9);
            span[0] = (byte)point.Flags;
            BinaryPrimitives.WriteDoubleLittleEndian(span[1..], point.Value);
            output.Advance(9);
            var delta = point.TimestampNs - previous;
            WriteVarint(output, (ulong)((delta << 1) ^ (delta >> 63)));
            previous = point.TimestampNs;
        }
    }

    /// <summary>
    /// Decodes a record's points; <paramref name="intern"/> turns a decoded series into the process's shared instance.
    /// Throws <see cref="InvalidDataException"/> on bytes that are not a record (a checksum already vouched for them).
    /// </summary>
    public static MetricPoint[] Decode(ReadOnlySpan<byte> payload, Func<SeriesKey, SeriesKey> intern)
    {
        var reader = new SpanCursor(payload);
        var strings = new string[reader.Count()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = Encoding.UTF8.GetString(reader.Bytes(reader.Count()));
        }

        var series = new SeriesKey[reader.Count()];
        for (var i = 0; i < series.Length; i++)
        {
            var measurement = strings[reader.Index(strings.Length)];
            var tags = new KeyValuePair<string, string>[reader.Count()];
            for (var t = 0; t < tags.Length; t++)
            {
                tags[t] = KeyValuePair.Create(strings[reader.Index(strings.Length)], strings[reader.Index(strings.Length)]);
            }

            series[i] = intern(SeriesKey.Create(measurement, tags));
        }

        var points = new MetricPoint[reader.Count()];
        var previous = 0L;
        for (var i = 0; i < points.Length; i++)
        {
            var key = series[reader.Index(series.Length)];
            var field = strings[reader.Index(strings.Length)];
            var source = strings[reader.Index(strings.Length)];
            var fixedPart = reader.Bytes(9);
            var zigzag = reader.Varint();
            var timestamp = previous + ((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
            points[i] = new MetricPoint(key, field, BinaryPrimitives.ReadDoubleLittleEndian(fixedPart[1..]), timestamp, source, (PointFlags)fixedPart[0]);
            previous = timestamp;
        }

        return points;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    private ref struct SpanCursor(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Bytes(1)[0];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("A varint in a log record is too long.");
        }

        // A length or count: never more than the bytes left, so a corrupt record cannot ask for a huge array.
        public int Count()
        {
            var value = Varint();
            return value <= (ulong)(_bytes.Length - _position) ? (int)value : throw new InvalidDataException("A count in a log record exceeds its size.");
        }

        public int Index(int length)
        {
            var value = Varint();
            return value < (ulong)length ? (int)value : throw new InvalidDataException("An index in a log record is out of range.");
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > _bytes.Length - _position)
            {
                throw new InvalidDataException("A log record ends early.");
            }

            var span = _bytes.Slice(_position, count);
            _position += count;
            return span;
        }
    }
}
