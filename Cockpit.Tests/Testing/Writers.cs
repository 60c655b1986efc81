using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Testing;

/// <summary>A decoding <see cref="IngestWriter"/> with a real registry, its clock a week after <see cref="Points.Monday"/>.</summary>
public sealed class Writers : IDisposable
{
    public Writers(IngestOptions? options = null)
    {
        Options = options ?? new IngestOptions();
        Registry = new SeriesRegistry(Microsoft.Extensions.Options.Options.Create(Options));
        Writer = IngestWriter.ForDecoding(Registry, Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public static DateTimeOffset Now { get; } = Points.Monday.AddDays(7);

    public FakeTimeProvider Time { get; } = new(Now);

    public IngestOptions Options { get; }

    public SeriesRegistry Registry { get; }

    public IngestWriter Writer { get; }

    public static long NowNs => UnixTime.ToNanos(Now);

    /// <summary>Decodes line protocol (or JSON) and returns the result and the points.</summary>
    public (WriteResult Result, List<MetricPoint> Points) Decode(
        string payload, PayloadFormat format = PayloadFormat.LineProtocol, TimePrecision precision = TimePrecision.Nanoseconds)
    {
        var points = new List<MetricPoint>();
        var result = Writer.Decode(Encoding.UTF8.GetBytes(payload), new WriteRequest("test", format, precision), points);
        return (result, points);
    }

    public void Dispose()
    {
    }
}
