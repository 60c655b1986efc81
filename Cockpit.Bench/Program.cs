using BenchmarkDotNet.Running;

// Benchmarks mirror the product's folders. Run all with `dotnet run -c Release --project Cockpit.Bench -- --filter '*'`,
// or one area, e.g. `--filter '*Detector*'`. Results land in BenchmarkDotNet.Artifacts/.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
