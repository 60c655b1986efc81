namespace Cockpit.Tests.Testing;

/// <summary>One real influxd per test class (xunit class fixture); each test gets a database of its own.</summary>
public sealed class InfluxdFixture : IAsyncLifetime
{
    private InfluxdServer? _server;

    public InfluxdServer Server => _server ?? throw new InvalidOperationException("influxd has not started.");

    public async Task InitializeAsync() => _server = await InfluxdServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh, empty database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        using var client = Server.CreateClient();
        using var create = await client.PostAsync("query?q=" + Uri.EscapeDataString($"CREATE DATABASE \"{name}\""), null);
        create.EnsureSuccessStatusCode();
        return name;
    }
}
