using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Log;

/// <summary>The embedded ingest log on real files: durability, recovery from a torn write, limits, segments, cursors.</summary>
public sealed class FileIngestLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static MetricPoint[] Batch(int size, int first = 0, string region = "tianhe") =>
        [.. Enumerable.Range(first, size).Select(i => Points.Count(region, i, Points.Monday.AddSeconds(i), channel: "c" + (i % 7)))];

    private static List<LogRecord> ReadAll(IIngestLog log, int partition = 0, long from = 0)
    {
        using var reader = log.OpenReader(partition, from);
        var records = new List<LogRecord>();
        while (reader.TryRead(out var record))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Append_ThenReopen_EveryPointReadBackAsWritten()
    {
        var written = Batch(500).Concat(Batch(3, 1000, region: "liwan")).ToArray();
        await using (var log = TestLogs.Open(_dir.Path))
        {
            Assert.Equal(LogAppendOutcome.Appended, await log.AppendAsync(written.AsMemory(0, 500), CancellationToken.None));
            Assert.Equal(LogAppendOutcome.Appended, await log.AppendAsync(written.AsMemory(500), CancellationToken.None));
        }

        // Reopened: nothing is cached, so the records come back from the segment file and are decoded.
        await using var reopened = TestLogs.Open(_dir.Path);
        var records = ReadAll(reopened);
        Assert.Equal([0L, 1L], records.Select(r => r.Offset));
        var read = records.SelectMany(r => r.Points).ToArray();
        Assert.Equal(written, read);
        Assert.Equal(written.Select(p => p.Series.Canonical), read.Select(p => p.Series.Canonical));
    }

    [Fact]
    public async Task Open_AfterATornWrite_CutsTheTailAndKeepsEveryWholeRecord()
    {
        await using (var log = TestLogs.Open(_dir.Path))
        {
            for (var i = 0; i < 3; i++)
            {
                await log.AppendAsync(Batch(100, i * 100), CancellationToken.None);
            }
        }

        // A crash in the middle of the fourth write: its header and half its payload reached the disk.
        var segment = Directory.GetFiles(Path.Combine(_dir.Path, "log", "p0"), "*.seg").Single();
        var whole = new FileInfo(segment).Length;
        var bytes = await File.ReadAllBytesAsync(segment);
        await using (var stream = new FileStream(segment, FileMode.Append))
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 3 / 2));
        }

        await using (var log = TestLogs.Open(_dir.Path))
        {
            Assert.Equal(whole, new FileInfo(segment).Length);
            Assert.Equal(300, ReadAll(log).Sum(r => r.Points.Length));
            Assert.Equal(LogAppendOutcome.Appended, await log.AppendAsync(Batch(5, 300), CancellationToken.None));
        }

        await using var again = TestLogs.Open(_dir.Path);
        Assert.Equal([0L, 1L, 2L, 3L], ReadAll(again).Select(r => r.Offset));
    }

    [Fact]
    public async Task Open_WithAFlippedByteInTheLastRecord_ThatRecordIsCut()
    {
        await using (var log = TestLogs.Open(_dir.Path))
        {
            await log.AppendAsync(Batch(10), CancellationToken.None);
            await log.AppendAsync(Batch(10, 10), CancellationToken.None);
        }

        var segment = Directory.GetFiles(Path.Combine(_dir.Path, "log", "p0"), "*.seg").Single();
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[^3] ^= 0x40;
        await File.WriteAllBytesAsync(segment, bytes);

        await using var reopened = TestLogs.Open(_dir.Path);
        Assert.Equal([0L], ReadAll(reopened).Select(r => r.Offset));
    }

    [Fact]
    public async Task Append_PastMaxBytes_RefusedWholeUntilConsumersCommit()
    {
        var options = new LogOptions { MaxBytes = 16 * 1024, SegmentBytes = 8 * 1024 };
        await using var log = TestLogs.Open(_dir.Path, options);
        log.Register("store");
        var outcomes = new List<LogAppendOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(await log.AppendAsync(Batch(200, i * 200), CancellationToken.None));
        }

        Assert.Contains(LogAppendOutcome.Full, outcomes);
        var appended = outcomes.Count(o => o == LogAppendOutcome.Appended);
        Assert.True(appended >= 2, string.Join(", ", outcomes));
        Assert.True(log.Status.Bytes <= options.MaxBytes);
        Assert.Equal(appended * 200, ReadAll(log).Sum(r => r.Points.Length));

        // The consumer has read everything: the full segments go, and there is room again.
        await log.CommitAsync("store", 0, appended, CancellationToken.None);
        Assert.Equal(LogAppendOutcome.Appended, await log.AppendAsync(Batch(200, 5000), CancellationToken.None));
        Assert.True(Directory.GetFiles(Path.Combine(_dir.Path, "log", "p0"), "*.seg").Length <= 2);
    }

    [Fact]
    public async Task Append_BiggerThanASegment_TooLargeAndNothingKept()
    {
        await using var log = TestLogs.Open(_dir.Path, new LogOptions { MaxBytes = 64 * 1024, SegmentBytes = 8 * 1024 });

        Assert.Equal(LogAppendOutcome.TooLarge, await log.AppendAsync(Batch(2000), CancellationToken.None));
        Assert.Empty(ReadAll(log));
        Assert.Equal(2000, log.Status.PointsRefused);
    }

    [Fact]
    public async Task Segments_DeletedOnlyOnceEveryRegisteredConsumerIsPastThem()
    {
        await using var log = TestLogs.Open(_dir.Path, new LogOptions { MaxBytes = 1024 * 1024, SegmentBytes = 8 * 1024 });
        log.Register("store");
        log.Register("detection");
        for (var i = 0; i < 20; i++)
        {
            await log.AppendAsync(Batch(200, i * 200), CancellationToken.None);
        }

        var folder = Path.Combine(_dir.Path, "log", "p0");
        var segments = Directory.GetFiles(folder, "*.seg").Length;
        Assert.True(segments > 3);

        await log.CommitAsync("store", 0, 20, CancellationToken.None);
        Assert.Equal(segments, Directory.GetFiles(folder, "*.seg").Length);
        Assert.Equal(20, Assert.Single(log.Status.Consumers, c => c.Consumer == "detection").Records);

        await log.CommitAsync("detection", 0, 10, CancellationToken.None);
        var left = Directory.GetFiles(folder, "*.seg").Length;
        Assert.InRange(left, 2, segments - 1);
        Assert.Equal(10, ReadAll(log, from: 10).Count);

        // A reader asking for a deleted offset starts at the oldest kept.
        using var reader = log.OpenReader(0, 0);
        Assert.True(reader.TryRead(out var oldest));
        Assert.InRange(oldest.Offset, 1, 10);
    }

    [Fact]
    public async Task Cursors_SurviveReopening()
    {
        await using (var log = TestLogs.Open(_dir.Path))
        {
            log.Register("detection");
            await log.AppendAsync(Batch(10), CancellationToken.None);
            await log.CommitAsync("detection", 0, 1, CancellationToken.None);
        }

        await using var reopened = TestLogs.Open(_dir.Path);
        Assert.Equal(1, reopened.Committed("detection")[0]);
        Assert.Empty(reopened.Committed("store"));
    }

    [Fact]
    public async Task Partitions_EachSeriesAlwaysInOnePartition_OrderKeptWithinIt()
    {
        var options = new LogOptions { Partitions = 4 };
        var regions = Region.Guangzhou.Select(r => r.Id).ToArray();
        var batches = Enumerable.Range(0, 5)
            .Select(b => regions.SelectMany(r => Batch(20, b * 20, region: r)).ToArray())
            .ToArray();
        await using (var log = TestLogs.Open(_dir.Path, options))
        {
            foreach (var batch in batches)
            {
                Assert.Equal(LogAppendOutcome.Appended, await log.AppendAsync(batch, CancellationToken.None));
            }
        }

        await using var reopened = TestLogs.Open(_dir.Path, options);
        var byPartition = Enumerable.Range(0, 4).Select(p => ReadAll(reopened, p).SelectMany(r => r.Points).ToArray()).ToArray();
        Assert.Equal(batches.Sum(b => b.Length), byPartition.Sum(p => p.Length));
        Assert.True(byPartition.Count(p => p.Length > 0) > 1);
        foreach (var (points, partition) in byPartition.Select((p, i) => (p, i)))
        {
            Assert.All(points, p => Assert.Equal(partition, LogPartitioner.PartitionOf(p.Series, 4)));
            foreach (var series in points.GroupBy(p => p.Series))
            {
                var expected = batches.SelectMany(b => b).Where(p => p.Series.Equals(series.Key));
                Assert.Equal(expected.Select(p => p.TimestampNs), series.Select(p => p.TimestampNs));
            }
        }

        // Another partition count would scatter the series differently: refused, with what to do.
        var refused = Assert.Throws<InvalidOperationException>(() => TestLogs.Open(_dir.Path, new LogOptions { Partitions = 2 }));
        Assert.Contains("Cockpit:Log:Partitions", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ManyConcurrentWriters_AllDurableInFewerFlushesThanWrites()
    {
        await using var log = TestLogs.Open(_dir.Path);
        var writes = Enumerable.Range(0, 200).Select(i => log.AppendAsync(Batch(50, i * 50), CancellationToken.None).AsTask()).ToArray();
        var outcomes = await Task.WhenAll(writes);

        Assert.All(outcomes, o => Assert.Equal(LogAppendOutcome.Appended, o));
        Assert.Equal(200 * 50, ReadAll(log).Sum(r => r.Points.Length));
        Assert.Equal(200, log.Status.RecordsAppended);
        Assert.InRange(log.Status.Flushes, 1, 199);
    }

    [Fact]
    public async Task Append_AfterCompleteWriting_Closed()
    {
        await using var log = TestLogs.Open(_dir.Path);
        log.CompleteWriting();
        Assert.Equal(LogAppendOutcome.Closed, await log.AppendAsync(Batch(1), CancellationToken.None));
    }
}
