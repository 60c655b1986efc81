using System.Diagnostics;

namespace Cockpit.Tests.Testing;

/// <summary>
/// The Cockpit.Web build next to the tests as its own process, configured by environment variables only (as a
/// deployment would be): a port, a data folder, the simulator off, one ingest token, warnings-only logging, plus any
/// extra settings. For tests that must kill Cockpit for real (SIGKILL) and start it again on the same data.
/// </summary>
public static class CockpitWebProcess
{
    public static Process Start(int port, string dataDir, string ingestTokenName, string ingestSecret, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cockpit.Web.dll"));
        var env = start.Environment;
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["Cockpit__DataDir"] = dataDir;
        env["Cockpit__Simulator__Enabled"] = "false";
        env["Cockpit__Ingest__Tokens__0__Name"] = ingestTokenName;
        env["Cockpit__Ingest__Tokens__0__Secret"] = ingestSecret;
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Cockpit.Web did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
