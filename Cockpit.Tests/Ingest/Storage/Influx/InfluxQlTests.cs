using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Storage.Influx;

public sealed class InfluxQlTests
{
    private static MetricQuery Query() => new()
    {
        Measurement = "complaints",
        Field = "count",
        From = Points.Monday,
        To = Points.Monday.AddHours(1),
        Bucket = TimeSpan.FromMinutes(5),
        Aggregate = Aggregate.Sum,
    };

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("天河 区,=x", "\"天河 区,=x\"")]
    [InlineData("we\"ird'key", "\"we\\\"ird\\'key\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void Identifier_AnyText_QuotedAndEscaped(string name, string expected) =>
        Assert.Equal(expected, InfluxQl.Identifier(name));

    [Theory]
    [InlineData("v'1\\ \"2\"", "'v\\'1\\\\ \\\"2\\\"'")]
    [InlineData("x' OR '1'='1", "'x\\' OR \\'1\\'=\\'1'")]
    public void StringLiteral_AnyText_QuotedAndEscaped(string value, string expected) =>
        Assert.Equal(expected, InfluxQl.StringLiteral(value));

    [Fact]
    public void Select_FiltersAndGroups_OneStatementWithNanosecondTimes()
    {
        var query = Query() with
        {
            Aggregate = Aggregate.Mean,
            TagFilters = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["tianhe", "liwan"], ["channel"] = ["app"], ["ignored"] = [] },
            GroupBy = ["region", "channel"],
        };

        Assert.Equal(
            "SELECT mean(\"count\") FROM \"autogen\".\"complaints\" WHERE time >= 1795392000000000000 AND time < 1795395600000000000" +
            " AND (\"region\" = 'tianhe' OR \"region\" = 'liwan') AND (\"channel\" = 'app')" +
            " GROUP BY time(300000000000ns), \"region\", \"channel\" fill(none)",
            InfluxQl.Select(query, "autogen"));
    }

    [Fact]
    public void Select_FilterOfOnlyEmptyValues_MatchesNothing() =>
        Assert.Null(InfluxQl.Select(Query() with { TagFilters = new Dictionary<string, IReadOnlyList<string>> { ["region"] = [""] } }, null));

    [Theory]
    [InlineData(Aggregate.Mean, "mean")]
    [InlineData(Aggregate.Sum, "sum")]
    [InlineData(Aggregate.Min, "min")]
    [InlineData(Aggregate.Max, "max")]
    [InlineData(Aggregate.Count, "count")]
    [InlineData(Aggregate.Last, "last")]
    public void Select_EachAggregate_InfluxQlFunction(Aggregate aggregate, string function) =>
        Assert.StartsWith($"SELECT {function}(\"count\") FROM \"complaints\" ", InfluxQl.Select(Query() with { Aggregate = aggregate }, null), StringComparison.Ordinal);

    [Fact]
    public void ShowFieldKeys_WithAndWithoutRetentionPolicy()
    {
        Assert.Equal("SHOW FIELD KEYS", InfluxQl.ShowFieldKeys(null, null));
        Assert.Equal("SHOW FIELD KEYS FROM \"rp\"./.*/", InfluxQl.ShowFieldKeys(null, "rp"));
        Assert.Equal("SHOW FIELD KEYS FROM \"rp\".\"m\"", InfluxQl.ShowFieldKeys("m", "rp"));
    }

    [Fact]
    public void DeleteBefore_NanosecondCutoff() =>
        Assert.Equal("DELETE WHERE time < 1795392000000000000", InfluxQl.DeleteBefore(Points.Monday));
}
