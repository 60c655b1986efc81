using BenchmarkDotNet.Running;
using Cockpit.Bench.Ingest;

// Micro-benchmarks mirror the product's folders: run all with `dotnet run -c Release --project Cockpit.Bench -- --filter '*'`,
// or one area, e.g. `--filter '*Decoder*'`; results land in BenchmarkDotNet.Artifacts/.
// Comparisons against a real server are commands of their own: `ingest-http` (Cockpit vs influxd /write).
return args.FirstOrDefault() switch
{
    "ingest-http" => await HttpIngestComparison.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
