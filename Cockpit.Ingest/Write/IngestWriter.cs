using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Json;
using Cockpit.Ingest.LineProtocol;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Write;

/// <summary>
/// The one way adapters put external data into Cockpit: decodes a payload (line protocol or JSON), normalises and
/// validates every line, and appends the valid points to the durable log through the <see cref="IngestBus"/>. A bad line never costs the
/// good lines beside it (InfluxDB's partial-write semantics); the first error is reported with its line number.
/// </summary>
public sealed class IngestWriter
{
    // A line of line protocol is rarely shorter than this; used to size the first buffer of a payload.
    private const int TypicalBytesPerPoint = 48;

    private readonly IngestBus? _bus;
    private readonly TimeProvider _time;
    private readonly IngestOptions _options;
    private readonly LineProtocolDecoder _lineProtocol;
    private readonly JsonPointDecoder _json;
    private long _linesAccepted;
    private long _linesRejected;
    private long _pointsAccepted;
    private long _linesRefused;
    private long _stringFieldsSkipped;

    public IngestWriter(IngestBus bus, SeriesRegistry registry, IOptions<IngestOptions> options, TimeProvider time)
        : this(registry, options, time, bus)
    {
    }

    private IngestWriter(SeriesRegistry registry, IOptions<IngestOptions> options, TimeProvider time, IngestBus? bus)
    {
        _bus = bus;
        _time = time;
        _options = options.Value;
        _lineProtocol = new LineProtocolDecoder(registry);
        _json = new JsonPointDecoder(registry);
    }

    /// <summary>A writer that only decodes (<see cref="Decode"/>): benchmarks and replays of files through detection.</summary>
    public static IngestWriter ForDecoding(SeriesRegistry registry, IOptions<IngestOptions> options, TimeProvider time) =>
        new(registry, options, time, bus: null);

    /// <summary>Lines (or JSON objects) queued since start.</summary>
    public long LinesAccepted => Interlocked.Read(ref _linesAccepted);

    /// <summary>Malformed or refused lines since start.</summary>
    public long LinesRejected => Interlocked.Read(ref _linesRejected);

    /// <summary>Field points queued since start.</summary>
    public long PointsAccepted => Interlocked.Read(ref _pointsAccepted);

    /// <summary>Valid lines refused because the queue was full (their senders were told to retry).</summary>
    public long LinesRefused => Interlocked.Read(ref _linesRefused);

    /// <summary>String field values skipped (Cockpit stores numbers; booleans become 1/0).</summary>
    public long StringFieldsSkipped => Interlocked.Read(ref _stringFieldsSkipped);

    /// <summary>
    /// Decodes <paramref name="payload"/> into <paramref name="points"/> (appended) without queueing them. The result
    /// counts lines and decoded points; <see cref="WriteResult.QueueFull"/> is always false.
    /// </summary>
    public WriteResult Decode(ReadOnlySpan<byte> payload, WriteRequest request, List<MetricPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var buffer = new PointBuffer(Estimate(payload.Length));
        var tally = DecodeInto(payload, request, buffer);
        points.AddRange(buffer.Span);
        return new WriteResult(tally.LinesAccepted, buffer.Count, tally.LinesRejected, tally.FirstError, QueueFull: false);
    }

    /// <summary>
    /// Decodes and appends to the log, completing once the valid points are durable; when the log has no room for all of
    /// them (or they could never fit), appends none (HTTP answers 429 or 413). Throws
    /// <see cref="LogClosedException"/> once the log is closing.
    /// </summary>
    public async ValueTask<WriteResult> TryWriteAsync(ReadOnlyMemory<byte> payload, WriteRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new PointBuffer(Estimate(payload.Length));
        var tally = DecodeInto(payload.Span, request, buffer);
        var points = buffer.Count;
        var outcome = await Bus.TryPublishAsync(buffer.Memory, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            LogAppendOutcome.Appended => Accepted(tally, points),
            LogAppendOutcome.Full => Refused(tally),
            LogAppendOutcome.TooLarge => Refused(tally) with { QueueFull = false, TooLarge = true },
            _ => throw new LogClosedException(),
        };
    }

    /// <summary>
    /// Decodes and appends whole, waiting for room (adapters that can slow their source down: MQTT); a payload whose
    /// points can never fit in one record is refused (<see cref="WriteResult.TooLarge"/>).
    /// </summary>
    public async ValueTask<WriteResult> WriteAsync(ReadOnlyMemory<byte> payload, WriteRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new PointBuffer(Estimate(payload.Length));
        var tally = DecodeInto(payload.Span, request, buffer);
        var points = buffer.Count;
        return await Bus.PublishAsync(buffer.Memory, cancellationToken).ConfigureAwait(false) == LogAppendOutcome.TooLarge
            ? Refused(tally) with { QueueFull = false, TooLarge = true }
            : Accepted(tally, points);
    }

    /// <summary>Decodes into a pooled buffer; the benchmark and the writers above share this path.</summary>
    internal DecodeTally DecodeInto(ReadOnlySpan<byte> payload, WriteRequest request, PointBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = Settings(request);
        var tally = new DecodeTally();
        if (request.Format == PayloadFormat.Json)
        {
            _json.Decode(payload, settings, buffer, tally);
        }
        else
        {
            _lineProtocol.Decode(payload, settings, buffer, tally);
        }

        return tally;
    }

    private DecodeSettings Settings(WriteRequest request)
    {
        var now = UnixTime.ToNanos(_time.GetUtcNow());
        var maxTimestamp = request.CheckFutureSkew ? now + UnixTime.ToNanos(_options.MaxFutureSkew) : long.MaxValue;
        return new DecodeSettings(request.Source, request.Precision, request.DefaultTimestampNs ?? now, maxTimestamp, _options.MaxFutureSkew);
    }

    private IngestBus Bus => _bus ?? throw new InvalidOperationException("This writer only decodes.");

    private WriteResult Accepted(DecodeTally tally, int points)
    {
        Interlocked.Add(ref _linesAccepted, tally.LinesAccepted);
        Interlocked.Add(ref _pointsAccepted, points);
        Interlocked.Add(ref _linesRejected, tally.LinesRejected);
        Interlocked.Add(ref _stringFieldsSkipped, tally.StringFieldsSkipped);
        return new WriteResult(tally.LinesAccepted, points, tally.LinesRejected, tally.FirstError, QueueFull: false);
    }

    private WriteResult Refused(DecodeTally tally)
    {
        Interlocked.Add(ref _linesRefused, tally.LinesAccepted);
        Interlocked.Add(ref _linesRejected, tally.LinesRejected);
        return new WriteResult(0, 0, tally.LinesRejected, tally.FirstError, QueueFull: true) { LinesRefused = tally.LinesAccepted };
    }

    private static int Estimate(int payloadBytes) => Math.Clamp(payloadBytes / TypicalBytesPerPoint, 16, 1 << 20);
}
