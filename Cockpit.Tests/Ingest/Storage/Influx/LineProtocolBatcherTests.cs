using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Storage.Influx;

public sealed class LineProtocolBatcherTests : IDisposable
{
    private readonly List<LineProtocolBatch> _sealed = [];
    private readonly Writers _writers = new();

    public void Dispose()
    {
        foreach (var batch in _sealed)
        {
            batch.Dispose();
        }

        _writers.Dispose();
    }

    private LineProtocolBatcher Batcher(int maxLines = 5_000, long firstSequence = 1) => new(maxLines, firstSequence, _sealed.Add);

    private static string Text(LineProtocolBatch batch) => Encoding.UTF8.GetString(batch.Content.Span);

    [Fact]
    public void Append_AwkwardNamesAndValues_ReadBackAsTheSamePointsByALineProtocolDecoder()
    {
        // A backslash right before an escaped character is left out: Cockpit's decoder reads "\\ " as an escaped backslash
        // and a separator, influxd 1.x as a backslash and an escaped space (the contract tests cover what influxd reads).
        var weird = SeriesKey.Create("m x,y=z", ("we\"ird'key", "v'1\\x \"2\""), ("区", "天河 区,=x"), ("a=b", "c d"));
        var plain = SeriesKey.Create("cpu");
        MetricPoint[] points =
        [
            Points.At(weird, "f 1", 5, Points.Monday),
            Points.At(weird, "g,=h", -0.5, Points.Monday),
            Points.At(weird, "投诉", 1e20, Points.Monday.AddSeconds(1)),
            Points.At(plain, "value", 1e-5, Points.Monday),
            Points.At(plain, "value", double.MaxValue, Points.Monday.AddSeconds(1)),
            Points.At(plain, "value", double.Epsilon, Points.Monday.AddSeconds(2)),
            Points.At(plain, "value", -123456789.123456789, Points.Monday.AddSeconds(3)),
            Points.At(plain, "😀", 0.1 + 0.2, Points.Monday.AddSeconds(4)),
        ];
        var batcher = Batcher();

        batcher.Append(points);
        batcher.Seal();

        var text = Text(Assert.Single(_sealed));
        var (result, decoded) = _writers.Decode(text);
        Assert.Null(result.FirstError);
        Assert.Equal(
            points.Select(p => (p.Series.Canonical, p.Field, p.Value, p.TimestampNs)),
            decoded.Select(p => (p.Series.Canonical, p.Field, p.Value, p.TimestampNs)));
        Assert.DoesNotContain("5i", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_WholeNumbers_WrittenAsFloatsWithoutTheIntegerSuffix()
    {
        var batcher = Batcher();

        batcher.Append([Points.At(SeriesKey.Create("cpu"), "value", 5, Points.Monday)]);
        batcher.Seal();

        Assert.Equal($"cpu value=5 {UnixTime.ToNanos(Points.Monday)}\n", Text(Assert.Single(_sealed)));
    }

    [Fact]
    public void Append_FieldsOfOneSeriesAndInstant_ShareALineAndARepeatedFieldStartsANewOne()
    {
        var cpu = SeriesKey.Create("cpu", ("host", "a"));
        var batcher = Batcher();

        batcher.Append(
        [
            Points.At(cpu, "user", 1, Points.Monday),
            Points.At(cpu, "system", 2, Points.Monday),
            Points.At(cpu, "user", 3, Points.Monday),
            Points.At(cpu, "user", 4, Points.Monday.AddSeconds(1)),
        ]);
        batcher.Seal();

        var ns = UnixTime.ToNanos(Points.Monday);
        Assert.Equal(
            $"cpu,host=a user=1,system=2 {ns}\ncpu,host=a user=3 {ns}\ncpu,host=a user=4 {ns + 1_000_000_000}\n",
            Text(Assert.Single(_sealed)));
        Assert.Equal(3, _sealed[0].Lines);
    }

    [Fact]
    public void Append_MoreLinesThanABatchHolds_SealedInFullBatchesWithGrowingSequences()
    {
        var batcher = Batcher(maxLines: 4, firstSequence: 7);

        batcher.Append([.. Enumerable.Range(0, 10).Select(i => Points.Count("tianhe", i, Points.Monday.AddSeconds(i)))]);

        Assert.Equal([(7L, 4), (8L, 4)], _sealed.Select(b => (b.Sequence, b.Lines)));
        Assert.Equal(2, batcher.OpenLines);
        Assert.Equal(9, batcher.Seal());
        Assert.Equal(9, batcher.Seal());
        Assert.Equal([4, 4, 2], _sealed.Select(b => b.Lines));
    }

    [Fact]
    public void Append_LargeBatch_BufferGrowsAndKeepsEveryLine()
    {
        var batcher = Batcher(maxLines: 100_000);
        var points = Enumerable.Range(0, 20_000).Select(i => Points.Count("r" + (i % 50), i, Points.Monday.AddSeconds(i))).ToArray();

        batcher.Append(points);
        batcher.Seal();

        var (result, decoded) = _writers.Decode(Text(Assert.Single(_sealed)));
        Assert.Equal(20_000, result.LinesAccepted);
        Assert.Equal(points.Sum(p => p.Value), decoded.Sum(p => p.Value));
    }

    [Fact]
    public void Close_ThenAppend_Refused()
    {
        var batcher = Batcher();
        batcher.Append([Points.Count("tianhe", 1, Points.Monday)]);

        Assert.Equal(1, batcher.Close());

        Assert.Single(_sealed);
        Assert.Throws<ObjectDisposedException>(() => batcher.Append([Points.Count("tianhe", 1, Points.Monday)]));
    }
}
