namespace Cockpit.Tests.Grafana;

public sealed class InfluxQlResponseTests
{
    [Theory]
    [InlineData("""{"error":"error parsing query: found EOF"}""", "error: error parsing query")]
    [InlineData("""{"results":[{"statement_id":0,"error":"database not found: x"}]}""", "error: database not found")]
    [InlineData("""{"results":[{"statement_id":0}]}""", "no series")]
    [InlineData("""{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","mean"],"values":[["2026-11-23T00:00:00Z",null]]}]}]}""", "every value null")]
    [InlineData("""{"results":[{"statement_id":0,"series":[{"name":"m","tags":{"regoin":""},"columns":["time","sum"],"values":[["2026-11-23T00:00:00Z",3]]}]}]}""", "empty tag 'regoin'")]
    [InlineData("""{"results":[]}""", "no result")]
    public void Problems_AnswerWithoutData_Named(string json, string expected)
    {
        var problem = Assert.Single(InfluxQlResponse.Parse(json).Problems());

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_OneNonNullValueAmongNulls_None()
    {
        var json = """
            {"results":[{"statement_id":0,"series":[
              {"name":"network","tags":{"cell":"tianhe-01"},"columns":["time","max"],"values":[["2026-11-23T00:00:00Z",null],["2026-11-23T00:01:00Z",0]]},
              {"name":"network","tags":{"cell":"tianhe-02"},"columns":["time","max"],"values":[["2026-11-23T00:00:00Z",null]]}]}]}
            """;

        Assert.Empty(InfluxQlResponse.Parse(json).Problems());
    }

    [Fact]
    public void Column_ShowTagValues_TheValues()
    {
        var json = """{"results":[{"statement_id":0,"series":[{"name":"complaints","columns":["key","value"],"values":[["region","liwan"],["region","tianhe"]]}]}]}""";

        Assert.Equal(["liwan", "tianhe"], InfluxQlResponse.Parse(json).Results[0].Series[0].Column("value"));
    }
}
