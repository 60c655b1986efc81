using System.Diagnostics;
using System.Globalization;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Ingest;

/// <summary>
/// The embedded ingest log on this machine's disk: N writers append 5 000-point batches (1 000 series) for a few seconds
/// each; reported are records/s, points/s, MB/s on disk, flushes (fsyncs) per second, points per flush and bytes
/// allocated per point. The baseline in the same run is the least a durable log can do without group commit: the same
/// records written to one file with an fsync after each. <c>dotnet run -c Release --project Cockpit.Bench -- log [--seconds 5]</c>
/// </summary>
internal static class IngestLogThroughput
{
    private const int BatchPoints = 5_000;
    private const int Series = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--seconds");
        var seconds = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 5;
        var registry = new SeriesRegistry(Options.Create(new IngestOptions()));
        var keys = Enumerable.Range(0, Series)
            .Select(s => SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, "r" + (s % 11)), ("cell", "c" + s)))
            .ToArray();
        Console.WriteLine($"ingest log: batches of {BatchPoints} points over {Series} series, {seconds} s per run");
        Console.WriteLine("| writers | records/s | points/s | MB/s | flushes/s | points/flush | B allocated/point | one fsync per write: points/s | ratio |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var writers in new[] { 1, 4, 32 })
        {
            var log = await RunLogAsync(registry, keys, writers, seconds);
            var baseline = RunFsyncPerWrite(keys, writers, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {writers} | {log.Records / log.Seconds:N0} | {log.Points / log.Seconds:N0} | {log.Bytes / log.Seconds / 1e6:N1} | {log.Flushes / log.Seconds:N0} | {log.Points / (double)Math.Max(log.Flushes, 1):N0} | {log.Allocated / (double)log.Points:N1} | {baseline:N0} | {log.Points / log.Seconds / baseline:0.00}x |"));
        }

        return 0;
    }

    private static MetricPoint[] Batch(SeriesKey[] keys, long sequence)
    {
        var batch = new MetricPoint[BatchPoints];
        var ts = 1_795_000_000_000_000_000L + (sequence * 60_000_000_000L);
        for (var p = 0; p < batch.Length; p++)
        {
            batch[p] = new MetricPoint(keys[p % keys.Length], p % 2 == 0 ? MetricNames.AttemptsField : MetricNames.SuccessesField, p, ts + (p / keys.Length), "bench");
        }

        return batch;
    }

    private static async Task<(long Records, long Points, long Bytes, long Flushes, long Allocated, double Seconds)> RunLogAsync(
        SeriesRegistry registry, SeriesKey[] keys, int writers, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("cockpit-log-bench-");
        try
        {
            var log = new FileIngestLog(
                Options.Create(new LogOptions { MaxBytes = 64L << 30, CachedPoints = 0 }),
                Options.Create(new CockpitOptions { DataDir = dir.FullName }),
                registry,
                TimeProvider.System,
                NullLogger<FileIngestLog>.Instance);
            await using (log)
            {
                var batches = Enumerable.Range(0, 16).Select(s => Batch(keys, s)).ToArray();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var duration = TimeSpan.FromSeconds(seconds);
                await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
                {
                    for (var n = w; watch.Elapsed < duration; n++)
                    {
                        await log.AppendAsync(batches[n % batches.Length], CancellationToken.None);
                    }
                })));
                var elapsed = watch.Elapsed.TotalSeconds;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var status = log.Status;
                return (status.RecordsAppended, status.PointsAppended, status.Bytes, status.Flushes, allocated, elapsed);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // The same records (encoded once beforehand) appended by N writers to one file under a lock, each followed by its
    // own fsync: points/s.
    private static double RunFsyncPerWrite(SeriesKey[] keys, int writers, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("cockpit-log-bench-");
        try
        {
            var record = new System.Buffers.ArrayBufferWriter<byte>();
            PointRecordCodec.Encode(Batch(keys, 0), record);
            var bytes = record.WrittenMemory.ToArray();
            using var file = new FileStream(Path.Combine(dir.FullName, "baseline.seg"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var gate = new Lock();
            long points = 0;
            var watch = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(seconds);
            Task.WaitAll([.. Enumerable.Range(0, writers).Select(_ => Task.Run(() =>
            {
                while (watch.Elapsed < duration)
                {
                    lock (gate)
                    {
                        file.Write(bytes);
                        file.Flush(flushToDisk: true);
                    }

                    Interlocked.Add(ref points, BatchPoints);
                }
            }))]);
            return points / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
