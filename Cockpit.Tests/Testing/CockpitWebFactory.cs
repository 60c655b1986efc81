using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Cockpit's real web host with its data in a temp folder and the simulator sped up, so a simulated incident
/// happens within seconds. Use <see cref="StartOnKestrel"/> for a browser, the in-memory client otherwise.
/// </summary>
public sealed class CockpitWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal)
    {
        ["Cockpit:Simulator:Speed"] = "1200",
        ["Cockpit:Detection:UiThrottle"] = "00:00:00.250",
    };

    /// <summary>Overrides a configuration value; call before the host starts.</summary>
    public CockpitWebFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Starts the host on a real socket (127.0.0.1, free port) and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Cockpit:DataDir", _data.Path);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
