using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Cockpit.Tests.Testing;

/// <summary>
/// A real InfluxDB 1.x (Debian's <c>influxd</c>) on 127.0.0.1 and a free port, with its meta, data and WAL in a
/// temp folder. Can be stopped and started again on the same port with the same data (outage tests). Shared by the
/// tests and, linked as source, by Cockpit.Bench, so it depends on nothing but the BCL.
/// </summary>
public sealed class InfluxdServer : IAsyncDisposable
{
    private const string DefaultBinary = "/usr/bin/influxd";
    private readonly string _root;
    private readonly string _config;
    private Process? _process;

    private InfluxdServer(string root, int port)
    {
        _root = root;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}/");
        _config = Path.Combine(root, "influxdb.conf");
        File.WriteAllText(_config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{FreeTcpPort.Next()}"

            [meta]
              dir = "{root}/meta"
              logging-enabled = false

            [data]
              dir = "{root}/data"
              wal-dir = "{root}/wal"
              query-log-enabled = false
              trace-logging-enabled = false

            [http]
              enabled = true
              bind-address = "127.0.0.1:{port}"
              auth-enabled = false
              log-enabled = false
              write-tracing = false

            [monitor]
              store-enabled = false

            [continuous_queries]
              enabled = false

            [subscriber]
              enabled = false
            """);
    }

    /// <summary>The HTTP port.</summary>
    public int Port { get; }

    /// <summary>The HTTP base address.</summary>
    public Uri Address { get; }

    /// <summary>The influxd binary: <c>COCKPIT_INFLUXD</c> or Debian's.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("COCKPIT_INFLUXD") is { Length: > 0 } path ? path : DefaultBinary;

    /// <summary>Starts influxd and creates <paramref name="database"/>.</summary>
    public static async Task<InfluxdServer> StartAsync(string database = "cockpit", CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"influxd not found at {Binary}: install Debian's 'influxdb' package (./test.sh does when run as root).");
        }

        var root = Path.Combine(Path.GetTempPath(), "cockpit-influxd-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new InfluxdServer(root, FreeTcpPort.Next());
        await server.StartAgainAsync(cancellationToken);
        using var client = server.CreateClient();
        using var create = await client.PostAsync(
            "query?q=" + Uri.EscapeDataString($"CREATE DATABASE \"{database}\""), null, cancellationToken);
        create.EnsureSuccessStatusCode();
        return server;
    }

    /// <summary>An HttpClient for the server's HTTP API.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>(Re)starts the process on the same port and data, and waits until <c>/ping</c> answers.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-config");
        start.ArgumentList.Add(_config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start.");
        var log = new StringWriter(CultureInfo.InvariantCulture);
        _process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(2);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {_process.ExitCode}:\n{Tail(log)}");
            }

            try
            {
                using var ping = await client.GetAsync("ping", cancellationToken);
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"influxd did not answer /ping within 60 s:\n{Tail(log)}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops the process (SIGKILL: an outage, not a graceful shutdown), keeping its data.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs an InfluxQL query and returns the raw JSON.</summary>
    public async Task<string> QueryAsync(string database, string influxQl, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        return await client.GetStringAsync($"query?db={Uri.EscapeDataString(database)}&q={Uri.EscapeDataString(influxQl)}", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Tail(StringWriter log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }
}
