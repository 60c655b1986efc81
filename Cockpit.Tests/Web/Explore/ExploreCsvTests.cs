using Cockpit.Ingest.Storage;
using Cockpit.Web.Explore;

namespace Cockpit.Tests.Web.Explore;

public sealed class ExploreCsvTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static ExploreResult Result(params ExploreLine[] lines) =>
        new(new ExploreState { Measurement = "complaints", Field = "count" }, T0, T0.AddMinutes(3), T0.AddDays(-7), T0.AddDays(-7).AddMinutes(3), lines, ContributionReport.Empty(["region"]));

    private static string Write(ExploreResult result, out int rows)
    {
        using var writer = new StringWriter();
        rows = ExploreCsv.Write(writer, result);
        return writer.ToString();
    }

    [Fact]
    public void Write_LinesWithComparison_OneRowPerBucketOfEitherPeriod()
    {
        var tianhe = new ExploreLine(
            "tianhe",
            [new BucketValue(T0, 12), new BucketValue(T0.AddMinutes(1), 0.1 + 0.2)],
            [new BucketValue(T0, 10), new BucketValue(T0.AddMinutes(2), -4.5)]);
        var liwan = new ExploreLine("liwan", [new BucketValue(T0, 1e21)], []);

        var csv = Write(Result(tianhe, liwan), out var rows);

        Assert.Equal(
            "time,series,value,comparison_value\r\n" +
            "2026-11-24T00:00:00Z,tianhe,12,10\r\n" +
            "2026-11-24T00:01:00Z,tianhe,0.30000000000000004,\r\n" +
            "2026-11-24T00:02:00Z,tianhe,,-4.5\r\n" +
            "2026-11-24T00:00:00Z,liwan,1E+21,\r\n",
            csv);
        Assert.Equal(4, rows);
    }

    [Fact]
    public void Write_NoLines_HeaderOnly()
    {
        Assert.Equal("time,series,value,comparison_value\r\n", Write(Result(), out var rows));
        Assert.Equal(0, rows);
    }

    [Theory]
    [InlineData("tianhe", "tianhe")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")]
    [InlineData("天河", "天河")]
    [InlineData("", "")]
    public void Text_Rfc4180Quoting(string value, string field) => Assert.Equal(field, ExploreCsv.Text(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a=1", "a=1")]
    public void Text_FormulaInjection_LeadingQuote(string value, string field) => Assert.Equal(field, ExploreCsv.Text(value));

    [Fact]
    public void Write_InjectedSeriesName_IsGuardedNegativeNumbersAreNot()
    {
        var csv = Write(Result(new ExploreLine("=1+1", [new BucketValue(T0, -3)], [])), out _);

        Assert.EndsWith("2026-11-24T00:00:00Z,'=1+1,-3,\r\n", csv, StringComparison.Ordinal);
    }
}
