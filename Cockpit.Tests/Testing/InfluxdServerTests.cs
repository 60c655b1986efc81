namespace Cockpit.Tests.Testing;

public sealed class InfluxdServerTests
{
    [Fact]
    public async Task StartAsync_RealInfluxd_AcceptsWritesAndSurvivesARestart()
    {
        await using var server = await InfluxdServer.StartAsync();
        using var client = server.CreateClient();

        using var write = await client.PostAsync("write?db=cockpit", new StringContent("cpu,host=a value=1 1795392000000000000\n"));
        await server.StopAsync();
        await server.StartAgainAsync();
        var json = await server.QueryAsync("cockpit", "SELECT count(value) FROM cpu");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, write.StatusCode);
        Assert.Contains("\"count\"", json, StringComparison.Ordinal);
        Assert.Contains(",1]", json, StringComparison.Ordinal);
    }
}
