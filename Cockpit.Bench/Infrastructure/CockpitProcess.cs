using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cockpit.Tests.Testing;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// Cockpit.Web (the Release build) as its own process: embedded store in a temp folder, simulator off, detection on,
/// one ingest token and one admin API token; extra settings as <c>--Key=Value</c> arguments.
/// </summary>
internal sealed class CockpitProcess : IAsyncDisposable
{
    /// <summary>The API token every bench process gets (role admin).</summary>
    public const string ApiSecret = "bench-api-secret-0123456789abcdef";

    private readonly Process _process;
    private readonly string _dataDir;

    private CockpitProcess(Process process, string dataDir, Uri address)
    {
        _process = process;
        _dataDir = dataDir;
        Address = address;
        Api = new HttpClient { BaseAddress = address };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiSecret);
    }

    public Uri Address { get; }

    /// <summary>A client for /healthz and /api/* with the bench's API token.</summary>
    public HttpClient Api { get; }

    /// <summary>The most records a consumer of the ingest log was seen behind while draining.</summary>
    public long PeakLag { get; private set; }

    /// <summary>Each consumer's lag when <see cref="PeakLag"/> was seen.</summary>
    public string PeakLagBy { get; private set; } = "";

    /// <summary>The Release build of Cockpit.Web next to the repository's solution.</summary>
    public static string FindRelease()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cockpit.sln")))
        {
            dir = dir.Parent;
        }

        var dll = dir is null ? null : Path.Combine(dir.FullName, "Cockpit.Web", "bin", "Release", "net10.0", "Cockpit.Web.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException("Cockpit.Web is not built in Release: run `dotnet build -c Release Cockpit.Web` first.");
    }

    public static async Task<CockpitProcess> StartAsync(string dll, string ingestToken, params string[] settings)
    {
        var port = FreeTcpPort.Next();
        var dataDir = Path.Combine(Path.GetTempPath(), "cockpit-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production",
            $"--Cockpit:DataDir={dataDir}", "--Cockpit:Simulator:Enabled=false",
            "--Cockpit:Ingest:Tokens:0:Name=bench", $"--Cockpit:Ingest:Tokens:0:Secret={ingestToken}",
            "--Cockpit:Api:Tokens:0:Name=bench", $"--Cockpit:Api:Tokens:0:Secret={ApiSecret}", "--Cockpit:Api:Tokens:0:Role=admin",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("cockpit: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cockpit = new CockpitProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}/"));
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ping = await cockpit.Api.GetAsync("ping");
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return cockpit;
                }
            }
            catch (HttpRequestException) when (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }
    }

    public async Task WaitUntilDrainedAsync()
    {
        while (true)
        {
            using var health = JsonDocument.Parse(await Api.GetStringAsync("healthz"));
            var consumers = health.RootElement.GetProperty("log").GetProperty("consumers").EnumerateArray()
                .Select(c => (Name: c.GetProperty("name").GetString() ?? "?", Lag: c.GetProperty("lagRecords").GetInt64())).ToList();
            var lag = consumers.Max(c => c.Lag);
            if (lag > PeakLag)
            {
                PeakLag = lag;
                PeakLagBy = string.Join(", ", consumers.Select(c => $"{c.Name} {c.Lag}"));
            }

            if (lag == 0)
            {
                return;
            }

            await Task.Delay(10);
        }
    }

    public async Task<long> StoredPointsAsync()
    {
        using var series = JsonDocument.Parse(await Api.GetStringAsync("api/series?measurement=business"));
        return series.RootElement.EnumerateArray().Sum(s => s.GetProperty("pointCount").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
