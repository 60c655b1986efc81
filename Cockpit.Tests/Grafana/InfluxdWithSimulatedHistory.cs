using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Grafana;

/// <summary>A real influxd holding <see cref="SimulatedHistory"/> in the database the provisioned datasource names by default.</summary>
public sealed class InfluxdWithSimulatedHistory : IAsyncLifetime
{
    private InfluxdServer? _server;

    public InfluxdServer Server => _server ?? throw new InvalidOperationException("influxd is not started.");

    /// <summary>The datasource's database: <c>COCKPIT_INFLUXDB_DATABASE</c>'s default.</summary>
    public string Database { get; } = GrafanaFiles.EnvironmentDefaults()["COCKPIT_INFLUXDB_DATABASE"];

    /// <summary>The datasource's minimum interval: <c>COCKPIT_INFLUXDB_MIN_INTERVAL</c>'s default.</summary>
    public TimeSpan MinInterval { get; } = GrafanaTime.ParseDuration(GrafanaFiles.EnvironmentDefaults()["COCKPIT_INFLUXDB_MIN_INTERVAL"]);

    /// <summary>How many field values were written.</summary>
    public long FieldValues { get; private set; }

    public async Task InitializeAsync()
    {
        _server = await InfluxdServer.StartAsync(Database);
        FieldValues = await SimulatedHistory.WriteAsync(_server, Database);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
