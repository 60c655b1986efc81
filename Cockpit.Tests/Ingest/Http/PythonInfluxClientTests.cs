using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Http;

/// <summary>
/// Debian's python3-influxdb, a real InfluxDB 1.x client, writes to Cockpit without knowing it is not InfluxDB:
/// it needs exactly 204, sends Basic auth, and (with gzip=True) gzip bodies.
/// </summary>
public sealed class PythonInfluxClientTests : IDisposable
{
    private const string Secret = "python-client-secret-42";
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, time
        from influxdb import InfluxDBClient
        from influxdb.exceptions import InfluxDBClientError
        host, port, secret, gzip = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "gzip"
        client = InfluxDBClient(host=host, port=port, username="python", password=secret, database="cockpit", gzip=gzip)
        print("version", client.ping())
        now = int(time.time()) - 60
        points = [
            {"measurement": "complaints", "tags": {"region": "Tianhe", "channel": "app", "category": "billing"},
             "time": now + i, "fields": {"count": i}}
            for i in range(50)
        ]
        assert client.write_points(points, time_precision="s", batch_size=20)
        try:
            client.write_points(["complaints,region=tianhe count=oops"], protocol="line")
            print("bad write accepted")
            sys.exit(3)
        except InfluxDBClientError as e:
            print("rejected", e.code, e.content)
        bad = InfluxDBClient(host=host, port=port, username="python", password="wrong-secret-xxxxxx", database="cockpit", gzip=gzip)
        try:
            bad.write_points(points[:1], time_precision="s")
            sys.exit(4)
        except InfluxDBClientError as e:
            print("unauthorized", e.code)
        """;

    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Ingest:Tokens:0:Name", "python")
        .With("Cockpit:Ingest:Tokens:0:Secret", Secret);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("plain")]
    [InlineData("gzip")]
    public async Task WritePoints_PythonInfluxDbClient_PointsAreStored(string encoding)
    {
        var address = _factory.StartOnKestrel();
        using var script = new TempDirectory();
        var path = Path.Combine(script.Path, "write.py");
        await File.WriteAllTextAsync(path, Script);

        var (exitCode, output) = await ExternalCommand.RunAsync(
            Python, [path, address.Host, address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Secret, encoding], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, output);
        Assert.Contains("version 1.8.10", output, StringComparison.Ordinal);
        Assert.Contains("rejected 400", output, StringComparison.Ordinal);
        Assert.Contains("invalid number 'oops' for field 'count'", output, StringComparison.Ordinal);
        Assert.Contains("unauthorized 401", output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = address, DefaultRequestHeaders = { Authorization = CockpitWebFactory.ApiBearer() } };
        var series = await Eventually.Get(
            async () => await client.GetFromJsonAsync<JsonElement[]>("/api/series?measurement=complaints") is { Length: 1 } list
                && list[0].GetProperty("pointCount").GetInt64() == 50 ? list : null,
            TimeSpan.FromSeconds(15),
            "50 points of one complaint series");
        Assert.Equal("tianhe", series[0].GetProperty("tags").GetProperty("region").GetString());
    }
}
