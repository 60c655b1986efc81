using BenchmarkDotNet.Running;
using Cockpit.Bench.Alerting;
using Cockpit.Bench.Detection;
using Cockpit.Bench.Ingest;
using Cockpit.Bench.Nab;
using Cockpit.Bench.Storage;
using Cockpit.Bench.Web;

// Micro-benchmarks mirror the product's folders: run all with `dotnet run -c Release --project Cockpit.Bench -- --filter '*'`,
// or one area, e.g. `--filter '*Decoder*'`; results land in BenchmarkDotNet.Artifacts/.
// Comparisons against a real server are commands of their own: `ingest-http` (Cockpit vs influxd /write) and `store`
// (the embedded store vs influxd: write rate and the wall's and analysts' queries); `nab` runs and scores the Numenta
// Anomaly Benchmark on the production replay (`nab --data <folder> --out <folder>`); `detection` measures the
// detection engine at 100 k, 10 k and 1 k series (points/s, state bytes per series, working set); `alerting` measures
// how many alert changes a second the alert book stores against bare SQLite transactions; `alert-latency` measures
// from an anomalous point sent to /write to its alert row in a connected browser, under background ingest; `log`
// measures the embedded ingest log's appends with group commit against one fsync per write.
return args.FirstOrDefault() switch
{
    "ingest-http" => await HttpIngestComparison.RunAsync(args[1..]),
    "store" => await StoreComparison.RunAsync(args[1..]),
    "nab" => NabCommand.Run(args[1..], Console.Out, Console.Error),
    "detection" => DetectionScale.Run(args[1..]),
    "alerting" => AlertBookThroughput.Run(args[1..]),
    "alert-latency" => await AlertLatency.RunAsync(args[1..]),
    "log" => await IngestLogThroughput.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
