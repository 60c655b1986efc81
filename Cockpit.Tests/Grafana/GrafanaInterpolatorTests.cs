using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

public sealed class GrafanaInterpolatorTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(6);

    private static TemplateVariable Variable(string name, bool multi = true, bool includeAll = true, string? allValue = null) =>
        new(name, "query", "SHOW TAG VALUES", multi, includeAll, allValue, null, 1, [], []);

    private static GrafanaInterpolator With(params VariableSelection[] selections) =>
        new(From, To, TimeSpan.FromMinutes(1), selections.ToDictionary(s => s.Variable.Name, StringComparer.Ordinal));

    [Fact]
    public void Interpolate_TwoValues_RegexAlternationOfEscapedValues()
    {
        var interpolator = With(new VariableSelection(Variable("region"), ["tian.he", "a/b(c)"], IsAll: false));

        Assert.Equal(@"""region"" =~ /^(tian\.he|a\/b\(c\))$/", interpolator.Interpolate(@"""region"" =~ /^$region$/"));
    }

    [Fact]
    public void Interpolate_OneValueOfMultiVariable_EscapedWithoutParentheses()
    {
        var interpolator = With(new VariableSelection(Variable("cell"), ["tianhe-01.x"], IsAll: false));

        Assert.Equal(@"/^tianhe-01\.x$/", interpolator.Interpolate("/^$cell$/"));
    }

    [Fact]
    public void Interpolate_AllWithoutAllValue_EveryValue()
    {
        var interpolator = With(new VariableSelection(Variable("region"), ["liwan", "tianhe"], IsAll: true));

        Assert.Equal("/^(liwan|tianhe)$/", interpolator.Interpolate("/^$region$/"));
    }

    [Fact]
    public void Interpolate_AllWithAllValue_AllValueUnescaped()
    {
        var interpolator = With(new VariableSelection(Variable("region", allValue: ".*"), ["liwan", "tianhe"], IsAll: true));

        Assert.Equal("/^.*$/", interpolator.Interpolate("/^$region$/"));
    }

    [Fact]
    public void Interpolate_SingleValueVariable_ValueAsIs()
    {
        var interpolator = With(new VariableSelection(Variable("rp", multi: false, includeAll: false), ["a.b"], IsAll: false));

        Assert.Equal("a.b", interpolator.Interpolate("$rp"));
    }

    [Fact]
    public void Interpolate_EveryReferenceSyntax_SameValue()
    {
        var interpolator = With(new VariableSelection(Variable("region"), ["liwan", "tianhe"], IsAll: false));

        Assert.Equal(
            "(liwan|tianhe) (liwan|tianhe) (liwan|tianhe) (liwan|tianhe) liwan|tianhe liwan,tianhe",
            interpolator.Interpolate("$region ${region} [[region]] ${region:regex} ${region:pipe} ${region:csv}"));
    }

    [Fact]
    public void Interpolate_TimeFilterAndIntervals_AsGrafanaWritesThem()
    {
        var interpolator = new GrafanaInterpolator(From, To, TimeSpan.FromMinutes(5), new Dictionary<string, VariableSelection>());

        Assert.Equal(
            $"time >= {From.ToUnixTimeMilliseconds()}ms and time <= {To.ToUnixTimeMilliseconds()}ms GROUP BY time(5m) 5m 300000",
            interpolator.Interpolate("$timeFilter GROUP BY time($__interval) $interval $__interval_ms"));
    }

    [Fact]
    public void Interpolate_UnknownVariable_LeftAsIsAndFoundAsLeftover()
    {
        var query = With().Interpolate(@"SELECT 1 FROM x WHERE ""region"" =~ /^$regoin$/ AND ""cell"" =~ /^[[cel]]$/");

        Assert.Equal(["$regoin", "[[cel]]"], GrafanaInterpolator.LeftoverReferences(query));
    }

    [Fact]
    public void LeftoverReferences_RegexAnchors_NotReferences()
    {
        Assert.Empty(GrafanaInterpolator.LeftoverReferences(@"""region"" =~ /^(liwan|tianhe)$/ AND x = '$'"));
    }

    [Fact]
    public void Interpolate_UnknownFormat_Throws()
    {
        var interpolator = With(new VariableSelection(Variable("region"), ["liwan"], IsAll: false));

        Assert.Throws<NotSupportedException>(() => interpolator.Interpolate("${region:sqlstring}"));
    }

    [Fact]
    public void TemplateVariable_QueryAsObject_ReadsItsQuery()
    {
        var variable = TemplateVariable.From(JsonNode.Parse("""
            {"name":"region","type":"query","query":{"query":"SHOW TAG VALUES WITH KEY = \"region\"","refId":"A"},
             "current":{"value":"$__all"},"multi":true,"includeAll":true}
            """)!.AsObject());

        Assert.Equal("SHOW TAG VALUES WITH KEY = \"region\"", variable.Query);
        Assert.Equal([TemplateVariable.AllToken], variable.Current);
    }
}
