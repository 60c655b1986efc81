using System.Text.Json;
using Cockpit.Ingest.Storage.Influx;

namespace Cockpit.Tests.Ingest.Storage.Influx;

public sealed class InfluxQueryResponseTests
{
    private static List<List<InfluxSeries>> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InfluxQueryResponse.Parse(document);
    }

    [Fact]
    public void Parse_SeriesOfTwoStatements_NamesTagsAndExactNanosecondTimes()
    {
        var statements = Parse("""
            {"results":[
              {"statement_id":0,"series":[{"name":"m","tags":{"region":"天河"},"columns":["time","sum"],"values":[[1795392000000000001,7.5],[1795392000000000002,null]]}]},
              {"statement_id":1}
            ]}
            """);

        Assert.Equal(2, statements.Count);
        var series = Assert.Single(statements[0]);
        Assert.Equal(("m", "天河"), (series.Name, series.Tags["region"]));
        Assert.Equal(["time", "sum"], series.Columns);
        Assert.Equal(1795392000000000001, series.Rows[0][0].Integer);
        Assert.Equal(7.5, series.Rows[0][1].Number);
        Assert.True(series.Rows[1][1].IsNull);
        Assert.Empty(statements[1]);
    }

    [Fact]
    public void Parse_StatementError_ThrowsWithInfluxDbsMessage()
    {
        var ex = Assert.Throws<InfluxDbQueryException>(() => Parse("""{"results":[{"statement_id":0,"error":"database not found: x"}]}"""));
        Assert.Equal("InfluxDB: database not found: x", ex.Message);
    }

    [Fact]
    public void Parse_TopLevelError_ThrowsWithInfluxDbsMessage() =>
        Assert.Contains("error parsing query", Assert.Throws<InfluxDbQueryException>(() => Parse("""{"error":"error parsing query: found SELEC"}""")).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_ResultCutShortByMaxRowLimit_Throws() =>
        Assert.Contains("max-row-limit", Assert.Throws<InfluxDbQueryException>(() => Parse("""{"results":[{"statement_id":0,"series":[],"partial":true}]}""")).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_SeriesContinuedAfterAPartialChunk_Merged()
    {
        var statements = Parse("""
            {"results":[{"statement_id":0,"series":[
              {"name":"m","columns":["time","v"],"values":[[1,1]],"partial":true},
              {"name":"m","columns":["time","v"],"values":[[2,2]]},
              {"name":"m","tags":{"k":"b"},"columns":["time","v"],"values":[[3,3]]}
            ]}]}
            """);

        Assert.Equal([2, 1], statements[0].Select(s => s.Rows.Count));
    }
}
