using System.Buffers;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Reads a line-protocol or CSV file into time-ordered <see cref="ReplayBatch"/>es, streaming (a batch at a time),
/// without pacing: consecutive lines with the same timestamp make one batch. Every line is decoded by
/// <see cref="IngestWriter.Decode"/>, so replayed data obeys the same rules as data written over HTTP or MQTT; CSV
/// rows are turned into line protocol first. A rejected line is counted in <see cref="Status"/> and reported through
/// <see cref="LineRejected"/>, and reading goes on.
/// </summary>
public sealed class ReplayFileReader
{
    /// <summary>Most points in one batch; more points with one timestamp are split so memory stays bounded.</summary>
    public const int MaxBatchPoints = 100_000;

    // Given to lines without a timestamp before any line had one, so that they can be told apart and rejected.
    private const long NoTimestamp = long.MinValue;

    private readonly ReplayFileOptions _file;
    private readonly IngestWriter _writer;
    private readonly string _source;
    private readonly TimePrecision _precision;

    /// <summary>Creates a reader of <paramref name="file"/> that decodes with <paramref name="writer"/>.</summary>
    /// <param name="file">The file and, for CSV, its mapping.</param>
    /// <param name="writer">Decodes and validates each line.</param>
    /// <param name="source">The source recorded on the points.</param>
    /// <param name="defaultPrecision">The unit of line-protocol timestamps when the file does not say.</param>
    public ReplayFileReader(ReplayFileOptions file, IngestWriter writer, string source = "replay", TimePrecision defaultPrecision = TimePrecision.Nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _file = file;
        _writer = writer;
        _source = source;
        _precision = file.Precision ?? defaultPrecision;
        Status = new ReplayFileStatus(file.Path, file.Format);
    }

    /// <summary>Raised for every rejected line, on the reading thread.</summary>
    public event EventHandler<ReplayLineError>? LineRejected;

    /// <summary>Lines read and rejected so far, over every pass.</summary>
    public ReplayFileStatus Status { get; }

    /// <summary>
    /// Opens the file and reads it lazily; the file is opened when enumeration starts and closed when it ends, so each
    /// enumeration is a fresh pass (a loop round). Missing or unreadable files throw then.
    /// </summary>
    public IEnumerable<ReplayBatch> ReadFile()
    {
        using var stream = new FileStream(
            Path.GetFullPath(_file.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        foreach (var batch in Read(stream))
        {
            yield return batch;
        }
    }

    /// <summary>Reads <paramref name="stream"/> lazily; the stream stays open.</summary>
    /// <exception cref="InvalidDataException">A CSV file's header does not fit its mapping.</exception>
    public IEnumerable<ReplayBatch> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_file.Format == ReplayFormat.Csv && string.IsNullOrWhiteSpace(_file.Csv?.Measurement))
        {
            throw new InvalidOperationException($"{_file.Path}: a CSV file needs Csv:Measurement.");
        }

        return ReadLines(stream);
    }

    private IEnumerable<ReplayBatch> ReadLines(Stream stream)
    {
        using var lines = new LineReader(stream);
        var csvLine = new ArrayBufferWriter<byte>(256);
        CsvRowFormatter? csv = null;
        var decoded = new List<MetricPoint>();
        var batch = new List<MetricPoint>();
        var batchTimestamp = NoTimestamp;
        var lastTimestamp = NoTimestamp;
        var request = Request(lastTimestamp);
        while (true)
        {
            ReplayBatch? ready = null;
            if (!lines.TryReadLine(out var line, out var tooLong))
            {
                break;
            }

            Status.AddLinesRead(1);
            if (tooLong)
            {
                Reject(lines.LineNumber, $"longer than {LineReader.MaxLineBytes} bytes");
                continue;
            }

            var content = line.TrimStart(" \t"u8);
            if (content.IsEmpty || content[0] == (byte)'#' || content.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            if (_file.Format == ReplayFormat.Csv)
            {
                if (csv is null)
                {
                    try
                    {
                        csv = CsvRowFormatter.Create(_file.Csv!, line);
                    }
                    catch (InvalidDataException ex)
                    {
                        throw new InvalidDataException($"{_file.Path}:{lines.LineNumber}: {ex.Message}", ex);
                    }

                    continue;
                }

                csvLine.ResetWrittenCount();
                if (!csv.TryFormat(line, csvLine, out var error))
                {
                    Reject(lines.LineNumber, error!);
                    continue;
                }

                content = csvLine.WrittenSpan;
            }

            decoded.Clear();
            var result = _writer.Decode(content, request, decoded);
            if (result.LinesRejected > 0)
            {
                Reject(lines.LineNumber, result.FirstError?.Message ?? "rejected");
                continue;
            }

            if (decoded.Count == 0)
            {
                // A line with no numeric field: accepted by the decoder, nothing to replay.
                continue;
            }

            var timestamp = decoded[0].TimestampNs;
            if (timestamp == NoTimestamp)
            {
                Reject(lines.LineNumber, "no timestamp, and no line before it had one to share");
                continue;
            }

            if (batch.Count > 0 && (timestamp != batchTimestamp || batch.Count + decoded.Count > MaxBatchPoints))
            {
                ready = new ReplayBatch(batchTimestamp, [.. batch]);
                batch.Clear();
            }

            batch.AddRange(decoded);
            batchTimestamp = timestamp;
            if (timestamp != lastTimestamp)
            {
                // A line without a timestamp shares the one of the line before it.
                lastTimestamp = timestamp;
                request = Request(lastTimestamp);
            }

            if (ready is not null)
            {
                yield return ready;
            }
        }

        if (batch.Count > 0)
        {
            yield return new ReplayBatch(batchTimestamp, [.. batch]);
        }

        Status.AddRound();
    }

    private WriteRequest Request(long defaultTimestampNs) =>
        new(_source, PayloadFormat.LineProtocol, _file.Format == ReplayFormat.Csv ? TimePrecision.Nanoseconds : _precision)
        {
            CheckFutureSkew = false,
            DefaultTimestampNs = defaultTimestampNs,
        };

    private void Reject(long line, string message)
    {
        var error = new ReplayLineError(_file.Path, line, message);
        Status.AddRejected(error);
        LineRejected?.Invoke(this, error);
    }
}
