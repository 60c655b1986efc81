using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class ReplayFileReaderTests : IDisposable
{
    // The first rows of the Numenta Anomaly Benchmark's realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv.
    private const string NabRows = """
        timestamp,value
        2014-02-14 14:30:00,0.132
        2014-02-14 14:35:00,0.134
        2014-02-14 14:40:00,0.134
        2014-02-14 14:45:00,0.134
        2014-02-14 14:50:00,0.134
        """;

    private static readonly DateTimeOffset NabStart = new(2014, 2, 14, 14, 30, 0, TimeSpan.Zero);

    private readonly Writers _writers = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _writers.Dispose();
        _dir.Dispose();
    }

    private static ReplayFileOptions Csv(string measurement = "nab", Dictionary<string, string>? tags = null) => new()
    {
        Path = "ec2_cpu_utilization_24ae8d.csv",
        Format = ReplayFormat.Csv,
        Csv = new CsvMappingOptions { Measurement = measurement, Tags = tags ?? new() { ["file"] = "ec2_cpu_utilization_24ae8d" } },
    };

    private static ReplayFileOptions LineProtocol(TimePrecision? precision = null) =>
        new() { Path = "recorded.lp", Format = ReplayFormat.LineProtocol, Precision = precision };

    private (List<ReplayBatch> Batches, List<ReplayLineError> Errors, ReplayFileReader Reader) Read(ReplayFileOptions file, string content)
    {
        var reader = new ReplayFileReader(file, _writers.Writer);
        var errors = new List<ReplayLineError>();
        reader.LineRejected += (_, e) => errors.Add(e);
        var batches = reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content))).ToList();
        return (batches, errors, reader);
    }

    [Fact]
    public void Read_NabCsvRows_OnePointPerRowWithMappedSeriesAndUtcNanoseconds()
    {
        var (batches, errors, reader) = Read(Csv(), NabRows);

        Assert.Empty(errors);
        Assert.Equal(5, batches.Count);
        Assert.All(batches, b => Assert.Single(b.Points));
        var first = batches[0].Points[0];
        Assert.Equal(SeriesKey.Create("nab", ("file", "ec2_cpu_utilization_24ae8d")), first.Series);
        Assert.Equal("value", first.Field);
        Assert.Equal(0.132, first.Value);
        Assert.Equal("replay", first.Source);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => UnixTime.ToNanos(NabStart.AddMinutes(5 * i))),
            batches.Select(b => b.Points[0].TimestampNs));
        Assert.Equal(batches.Select(b => b.TimestampNs), batches.Select(b => b.Points[0].TimestampNs));
        Assert.Equal(6, reader.Status.LinesRead);
        Assert.Equal(1, reader.Status.Rounds);
    }

    [Fact]
    public void Read_CsvBadValueAndBadTimestamp_CountedWithLineNumbersAndLaterRowsStillArrive()
    {
        const string Content = """
            timestamp,value
            2014-02-14 14:30:00,0.132
            2014-02-14 14:35:00,n/a
            2014-02-14 14:40:00,0.134
            2014-02-14 25:45:00,0.5
            2014-02-14 14:50:00,NaN
            2014-02-14 14:55:00,0.136
            """;

        var (batches, errors, reader) = Read(Csv(), Content);

        Assert.Equal([0.132, 0.134, 0.136], batches.Select(b => b.Points[0].Value));
        Assert.Equal([3L, 5L, 6L], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("ec2_cpu_utilization_24ae8d.csv", e.File));
        Assert.Contains("'n/a' in column 'value' is not a number", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'2014-02-14 25:45:00' in column 'timestamp'", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("NaN", errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(3, reader.Status.LinesRejected);
        Assert.Equal(errors[0], reader.Status.FirstError);
    }

    [Fact]
    public void Read_CsvTagValuesWithSpacesCommasEquals_TagsArriveIntact()
    {
        var tags = new Dictionary<string, string> { ["host name"] = "web 01,eu=west", ["region"] = "天河区" };

        var (batches, errors, _) = Read(Csv("cpu load", tags), NabRows);

        Assert.Empty(errors);
        var series = batches[0].Points[0].Series;
        Assert.Equal("cpu load", series.Measurement);
        Assert.Equal("web 01,eu=west", series.GetTag("host name"));
        // The same rules as every other adapter: region aliases are normalised by the decoder.
        Assert.Equal("tianhe", series.GetTag("region"));
    }

    [Fact]
    public void Read_CsvHeaderWithoutTimestampColumn_InvalidDataNamingFileAndLine()
    {
        var reader = new ReplayFileReader(Csv(), _writers.Writer);

        var error = Assert.Throws<InvalidDataException>(() => reader.Read(new MemoryStream("\n# exported\ntime,value\n1,2\n"u8.ToArray())).ToList());

        Assert.StartsWith("ec2_cpu_utilization_24ae8d.csv:3: the header has no timestamp column 'timestamp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LineProtocolWithCommentsBlankLinesAndBadLine_GoodLinesBatchedByTimestamp()
    {
        const string Content = """
            # recorded 2014-02-14
            complaints,region=tianhe,channel=hotline count=3i 1392388200

            complaints,region=haizhu,channel=hotline count=5i 1392388200
              # indented comment
            complaints,region=tianhe count=oops 1392388260
            network,region=tianhe,cell=tianhe-01 latency_ms=12.5,loss_pct=0.1 1392388260
            complaints,region=tianhe,channel=hotline count=4i 1392388320
            """;

        var (batches, errors, reader) = Read(LineProtocol(TimePrecision.Seconds), Content);

        Assert.Equal(
            [UnixTime.ToNanos(NabStart), UnixTime.ToNanos(NabStart.AddMinutes(1)), UnixTime.ToNanos(NabStart.AddMinutes(2))],
            batches.Select(b => b.TimestampNs));
        Assert.Equal([2, 2, 1], batches.Select(b => b.Points.Length));
        Assert.Equal(["latency_ms", "loss_pct"], batches[1].Points.Select(p => p.Field));
        var error = Assert.Single(errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("oops", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, reader.Status.LinesRead);
    }

    [Fact]
    public void Read_LineProtocolDefaultPrecision_TakesTheOneGiven()
    {
        var reader = new ReplayFileReader(LineProtocol(), _writers.Writer, "archive", TimePrecision.Milliseconds);

        var batch = Assert.Single(reader.Read(new MemoryStream("m v=1 1392388200000\n"u8.ToArray())));

        Assert.Equal(UnixTime.ToNanos(NabStart), batch.TimestampNs);
        Assert.Equal("archive", batch.Points[0].Source);
    }

    [Fact]
    public void Read_LineProtocolLineWithoutTimestamp_SharesThePreviousOneOrIsRejectedFirst()
    {
        const string Content = """
            m v=0
            m v=1 1392388200000000000
            m w=2
            """;

        var (batches, errors, _) = Read(LineProtocol(), Content);

        var batch = Assert.Single(batches);
        Assert.Equal([1.0, 2.0], batch.Points.Select(p => p.Value));
        Assert.Equal(1, Assert.Single(errors).Line);
    }

    [Fact]
    public void Read_LineProtocolFutureTimestamp_AcceptedBecauseRecordedDataMayCarryAnyTime()
    {
        var future = UnixTime.ToNanos(Writers.Now.AddYears(5));

        var (batches, errors, _) = Read(LineProtocol(), $"m v=1 {future}\n");

        Assert.Empty(errors);
        Assert.Equal(future, Assert.Single(batches).TimestampNs);
    }

    [Fact]
    public void Read_LargeStream_StreamsBatchByBatch()
    {
        var stream = new CountingStream(Encoding.UTF8.GetBytes(string.Concat(
            Enumerable.Range(0, 200_000).Select(i => $"m,host=h{i % 10} v={i} {1392388200000000000L + (i * 1_000_000_000L)}\n"))));
        var reader = new ReplayFileReader(LineProtocol(), _writers.Writer);

        var first = reader.Read(stream).First();

        Assert.Single(first.Points);
        Assert.True(stream.BytesRead < stream.Length / 10, $"read {stream.BytesRead} of {stream.Length} bytes for the first batch");
    }

    [Fact]
    public void ReadFile_Missing_FileNotFoundWhenReadingStarts()
    {
        var reader = new ReplayFileReader(new ReplayFileOptions { Path = Path.Combine(_dir.Path, "missing.lp") }, _writers.Writer);

        var batches = reader.ReadFile();

        Assert.Throws<FileNotFoundException>(() => batches.ToList());
    }

    [Fact]
    public void ReadFile_TwoEnumerations_TwoFreshPasses()
    {
        var path = Path.Combine(_dir.Path, "nab.csv");
        File.WriteAllText(path, NabRows);
        var file = Csv();
        file.Path = path;
        var reader = new ReplayFileReader(file, _writers.Writer);

        Assert.Equal(5, reader.ReadFile().Count());
        Assert.Equal(5, reader.ReadFile().Count());
        Assert.Equal(2, reader.Status.Rounds);
        Assert.Equal(12, reader.Status.LinesRead);
    }

    [Fact]
    public void ReadFile_ThroughPacerAsFastAsPossible_WholeFileInVirtualTimeWithoutAdvancing()
    {
        // NAB's shape: 4 032 five-minute rows (two weeks).
        var path = Path.Combine(_dir.Path, "art_daily.csv");
        File.WriteAllLines(path, ["timestamp,value", .. Enumerable.Range(0, 4032).Select(i => $"{NabStart.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{i % 288}.5")]);
        var file = Csv();
        file.Path = path;
        var reader = new ReplayFileReader(file, _writers.Writer);
        var scheduler = new TestScheduler();
        var points = new List<MetricPoint>();

        new ReplayPacer(ReplaySpeed.AsFastAsPossible).Pace(reader.ReadFile, scheduler).Subscribe(b => points.AddRange(b.Points));
        scheduler.Start();

        Assert.Equal(4032, points.Count);
        Assert.Equal(UnixTime.ToNanos(NabStart.AddMinutes(5 * 4031)), points[^1].TimestampNs);
        Assert.Equal(0, scheduler.Clock);
        Assert.Equal(0, reader.Status.LinesRejected);
    }

    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
