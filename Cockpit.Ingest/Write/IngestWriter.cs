using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Write;

/// <summary>
/// The one way adapters put external data into Cockpit: decodes a payload (line protocol or JSON), normalises and
/// validates every line, and queues the valid points on the <see cref="IngestBus"/>. A bad line never costs the
/// good lines beside it (InfluxDB's partial-write semantics); the first error is reported with its line number.
/// </summary>
public sealed class IngestWriter
{
    /// <summary>
    /// Decodes <paramref name="payload"/> into <paramref name="points"/> (appended) without queueing them. The result
    /// counts lines and decoded points; <see cref="WriteResult.QueueFull"/> is always false.
    /// </summary>
    public WriteResult Decode(ReadOnlySpan<byte> payload, WriteRequest request, List<MetricPoint> points) =>
        throw new NotImplementedException();

    /// <summary>Decodes and queues; when the queue has no room for all valid points, queues none (HTTP answers 429).</summary>
    public WriteResult TryWrite(ReadOnlySpan<byte> payload, WriteRequest request) => throw new NotImplementedException();

    /// <summary>Decodes and queues, waiting for room (adapters that can slow their source down: MQTT, replay).</summary>
    public ValueTask<WriteResult> WriteAsync(ReadOnlyMemory<byte> payload, WriteRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
