using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Ingest.Replay;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class ReplayAdapterTests : IDisposable
{
    private readonly TempDirectory _files = new();
    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Replay:Enabled", "true");

    public void Dispose()
    {
        _factory.Dispose();
        _files.Dispose();
    }

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_files.Path, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<JsonElement[]> SeriesOf(HttpClient client, string measurement, int count, long pointsEach) =>
        await Eventually.Get(
            async () =>
            {
                var list = await client.GetFromJsonAsync<JsonElement[]>($"/api/series?measurement={measurement}");
                return list is not null && list.Length >= count && list.All(s => s.GetProperty("pointCount").GetInt64() >= pointsEach) ? list : null;
            },
            TimeSpan.FromSeconds(60),
            $"{count} replayed '{measurement}' series of {pointsEach} point(s)");

    [Fact]
    public async Task Replay_CsvLineProtocolAndMissingFile_PointsInApiAndStatusPerFile()
    {
        // The first rows of NAB's realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv, with one bad row.
        var csv = WriteFile("ec2_cpu_utilization_24ae8d.csv",
        [
            "timestamp,value", "2014-02-14 14:30:00,0.132", "2014-02-14 14:35:00,0.134", "2014-02-14 14:40:00,oops",
            "2014-02-14 14:45:00,0.134", "2014-02-14 14:50:00,0.134",
        ]);
        // More points with one timestamp than the bus holds, so the batch must be split to go through.
        var burst = WriteFile("burst.lp", Enumerable.Range(0, 2500).Select(i => $"burst,cell=c{i} loss_pct={i % 7} 1392388200"));
        _factory
            .With("Cockpit:Bus:Capacity", "1000")
            .With("Cockpit:Replay:Speed", "max")
            .With("Cockpit:Replay:Files:0:Path", csv)
            .With("Cockpit:Replay:Files:0:Format", "Csv")
            .With("Cockpit:Replay:Files:0:Csv:Measurement", "nab")
            .With("Cockpit:Replay:Files:0:Csv:Tags:file", "ec2_cpu_utilization_24ae8d")
            .With("Cockpit:Replay:Files:1:Path", Path.Combine(_files.Path, "missing.lp"))
            .With("Cockpit:Replay:Files:2:Path", burst)
            .With("Cockpit:Replay:Files:2:Precision", "Seconds");
        using var client = _factory.CreateApiClient();

        var nab = Assert.Single(await SeriesOf(client, "nab", 1, pointsEach: 4));
        var cells = await SeriesOf(client, "burst", 2500, pointsEach: 1);

        Assert.Equal("value", nab.GetProperty("field").GetString());
        Assert.Equal("ec2_cpu_utilization_24ae8d", nab.GetProperty("tags").GetProperty("file").GetString());
        Assert.Equal(new DateTimeOffset(2014, 2, 14, 14, 50, 0, TimeSpan.Zero), nab.GetProperty("lastTimestamp").GetDateTimeOffset());
        Assert.Equal(2500, cells.Length);
        var status = _factory.Services.GetRequiredService<ReplayStatus>();
        await Eventually.Get(() => Task.FromResult<object?>(status.Files.All(f => f.Done) ? status : null), TimeSpan.FromSeconds(30), "every file done");
        var (nabFile, missing, burstFile) = (status.Files[0], status.Files[1], status.Files[2]);
        Assert.Equal((6L, 4L, 1L, 4L), (nabFile.LinesRead, nabFile.PointsPublished, nabFile.LinesRejected, nabFile.FirstError!.Line));
        Assert.Null(nabFile.Error);
        Assert.Contains("missing.lp", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2500, burstFile.PointsPublished);
        Assert.Equal(4, nab.GetProperty("pointCount").GetInt64());
        Assert.All(cells, c => Assert.Equal(1, c.GetProperty("pointCount").GetInt64()));
    }

    [Fact]
    public void Replay_CsvWithoutMeasurement_StartFailsNamingTheKey()
    {
        _factory
            .With("Cockpit:Replay:Files:0:Path", "any.csv")
            .With("Cockpit:Replay:Files:0:Format", "Csv");

        var error = Assert.Throws<OptionsValidationException>(() => _factory.CreateClient());

        Assert.Contains("Cockpit:Replay:Files:0:Csv:Measurement", error.Message, StringComparison.Ordinal);
    }
}
