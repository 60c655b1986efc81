using System.Diagnostics;
using System.Globalization;
using Cockpit.Detection;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Model;
using MathNet.Numerics.Statistics;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Bench.Detection;

/// <summary>
/// <c>detection</c>: points per second through the detection engine with the default rules of
/// <c>Cockpit.Web/appsettings.json</c> at 100 k, 10 k and 1 k active series (a third each complaints, business success
/// rates (successes and attempts) and network cells (latency, loss, outages), one point per field a minute), the bytes of state per series, and the process working set
/// at 100 k series. The same-run baseline is the least a per-series detector can do: a dictionary lookup and a MathNet
/// <see cref="RunningStatistics"/> update per point.
/// </summary>
internal static class DetectionScale
{
    private static readonly string[] Regions = ["tianhe", "yuexiu", "haizhu", "liwan", "baiyun", "huangpu", "panyu", "huadu", "nansha", "conghua", "zengcheng"];

    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : new[] { 100_000, 10_000, 1_000 };
        var options = DefaultOptions();
        Console.WriteLine($"Rules from {RulesFile()}: {string.Join(", ", options.Rules.Select(r => r.Name))}");
        Console.WriteLine("| series | subjects | engine points/s | baseline points/s | ratio | detector bytes/series | heap bytes/series | working set |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            var points = Series(size);
            var rounds = Math.Max(20, 3_000_000 / points.Length);
            const int warmUp = 48;

            var before = GC.GetTotalMemory(forceFullCollection: true);
            using var engine = new DetectionEngine(options);
            Feed(points, 0, warmUp, (in MetricPoint p) => engine.Observe(p, p.TimestampNs));
            var heap = GC.GetTotalMemory(forceFullCollection: true) - before;
            var workingSet = Process.GetCurrentProcess().WorkingSet64;
            var engineRate = Feed(points, warmUp, rounds, (in MetricPoint p) => engine.Observe(p, p.TimestampNs));

            var baseline = new Dictionary<(SeriesKey, string), RunningStatistics>();
            Feed(points, 0, warmUp, (in MetricPoint p) => Baseline(baseline, p));
            var baselineRate = Feed(points, warmUp, rounds, (in MetricPoint p) => Baseline(baseline, p));

            var status = engine.Status;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {size:N0} | {status.Subjects:N0} | {engineRate / 1e6:0.00} M | {baselineRate / 1e6:0.00} M | {engineRate / baselineRate:0.00} | {engine.DetectorBytes / (double)size:0} | {heap / (double)size:0} | {workingSet / (1024.0 * 1024):0} MiB |"));
        }

        return 0;
    }

    private delegate void PointSink(in MetricPoint point);

    private static double Feed(MetricPoint[] series, int firstRound, int rounds, PointSink sink)
    {
        var random = new Random(firstRound);
        var stopwatch = Stopwatch.StartNew();
        for (var round = firstRound; round < firstRound + rounds; round++)
        {
            var time = UnixTime.ToNanos(TimeSpan.FromMinutes(round)) + 1_790_000_000_000_000_000;
            foreach (var template in series)
            {
                var noise = random.NextDouble() - 0.5;
                var value = template.Value * (1 + (0.02 * noise));
                sink(new MetricPoint(template.Series, template.Field, value, time, "bench"));
            }
        }

        return series.Length * (double)rounds / stopwatch.Elapsed.TotalSeconds;
    }

    private static void Baseline(Dictionary<(SeriesKey, string), RunningStatistics> state, in MetricPoint point)
    {
        if (!state.TryGetValue((point.Series, point.Field), out var statistics))
        {
            statistics = new RunningStatistics();
            state.Add((point.Series, point.Field), statistics);
        }

        statistics.Push(point.Value);
    }

    // Templates: every field of every series once, with its typical level as the value. A third of the series are
    // complaints (one field), a third business (successes and attempts: the success-rate rules divide them), a third
    // network cells (latency, loss and outages).
    private static MetricPoint[] Series(int count)
    {
        var points = new List<MetricPoint>(count * 2);
        for (var i = 0; i < count; i++)
        {
            var region = Regions[i % Regions.Length];
            var id = (i / 3).ToString(CultureInfo.InvariantCulture);
            switch (i % 3)
            {
                case 0:
                    points.Add(Template(SeriesKey.Create(MetricNames.Complaints, (MetricNames.RegionTag, region), (MetricNames.ChannelTag, "hotline"), (MetricNames.CategoryTag, "c" + id)), MetricNames.CountField, 5));
                    break;
                case 1:
                    var business = SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, region), (MetricNames.BusinessTypeTag, "b" + id));
                    points.Add(Template(business, MetricNames.SuccessesField, 97));
                    points.Add(Template(business, MetricNames.AttemptsField, 100));
                    break;
                default:
                    var cell = SeriesKey.Create(MetricNames.Network, (MetricNames.RegionTag, region), (MetricNames.CellTag, "cell" + id));
                    points.Add(Template(cell, MetricNames.LatencyField, 40));
                    points.Add(Template(cell, MetricNames.LossField, 0.2));
                    points.Add(Template(cell, MetricNames.OutagesField, 0));
                    break;
            }
        }

        return [.. points];
    }

    private static MetricPoint Template(SeriesKey series, string field, double value) => new(series, field, value, 0, "bench");

    private static DetectionOptions DefaultOptions() =>
        new ConfigurationBuilder().AddJsonFile(RulesFile()).Build().GetSection(DetectionOptions.SectionName).Get<DetectionOptions>()
        ?? throw new InvalidOperationException($"No {DetectionOptions.SectionName} in {RulesFile()}.");

    private static string RulesFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "Cockpit.Web", "appsettings.json");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException("Cockpit.Web/appsettings.json not found above " + AppContext.BaseDirectory);
    }
}
