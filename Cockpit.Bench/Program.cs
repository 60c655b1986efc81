using BenchmarkDotNet.Running;
using Cockpit.Bench.Ingest;
using Cockpit.Bench.Storage;

// Micro-benchmarks mirror the product's folders: run all with `dotnet run -c Release --project Cockpit.Bench -- --filter '*'`,
// or one area, e.g. `--filter '*Decoder*'`; results land in BenchmarkDotNet.Artifacts/.
// Comparisons against a real server are commands of their own: `ingest-http` (Cockpit vs influxd /write) and `store`
// (the embedded store vs influxd: write rate and the wall's and analysts' queries).
return args.FirstOrDefault() switch
{
    "ingest-http" => await HttpIngestComparison.RunAsync(args[1..]),
    "store" => await StoreComparison.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
