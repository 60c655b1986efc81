using System.Globalization;
using System.Text.RegularExpressions;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// Turns a panel's raw InfluxQL into what Grafana's InfluxDB datasource sends: <c>$timeFilter</c>,
/// <c>$__interval</c>/<c>$interval</c>/<c>$__interval_ms</c>, <c>$__from</c>/<c>$__to</c>, and templating variables in the
/// <c>$var</c>, <c>${var}</c>, <c>${var:format}</c> and <c>[[var]]</c> forms. A variable that is multi-value or offers
/// "All" is regex-escaped, and several values become an alternation <c>(a|b)</c>; "All" is its <c>allValue</c> or
/// every value. Names it does not know are left as they are, as Grafana leaves them.
/// </summary>
public sealed partial class GrafanaInterpolator(
    DateTimeOffset from, DateTimeOffset to, TimeSpan interval, IReadOnlyDictionary<string, VariableSelection> variables)
{
    public string Interpolate(string query) => VariableReference().Replace(query, Replace);

    /// <summary>Grafana's <c>escapeRegex</c>, plus the anchors: every character special in an InfluxQL <c>/regex/</c>.</summary>
    public static string EscapeRegex(string value) => RegexSpecial().Replace(value, @"\$1");

    /// <summary>Finds what is left of a template reference after interpolation (<c>$name</c>, <c>${…}</c>, <c>[[…]]</c>).</summary>
    public static IReadOnlyList<string> LeftoverReferences(string query) =>
        [.. VariableReference().Matches(query).Select(m => m.Value)];

    private string Replace(Match match)
    {
        var name = FirstSuccess(match, 1, 2, 4) ?? throw new InvalidOperationException($"No name in {match.Value}.");
        var format = FirstSuccess(match, 3, 6);
        if (match.Groups[5].Success)
        {
            throw new NotSupportedException($"Field paths ({match.Value}) are not supported.");
        }

        var builtIn = name switch
        {
            "timeFilter" => $"time >= {from.ToUnixTimeMilliseconds()}ms and time <= {to.ToUnixTimeMilliseconds()}ms",
            "__interval" or "interval" => GrafanaTime.Format(interval),
            "__interval_ms" => ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            "__from" => from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            "__to" => to.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (builtIn is not null)
        {
            return builtIn;
        }

        return variables.TryGetValue(name, out var selection) ? Format(selection, format) : match.Value;
    }

    private static string Format(VariableSelection selection, string? format)
    {
        var values = selection.Values;
        switch (format)
        {
            case null when selection.Variable.RegexFormatted:
            case "regex":
                if (selection.IsAll && selection.Variable.AllValue is { } all)
                {
                    return all;
                }

                return values.Count == 1 ? EscapeRegex(values[0]) : "(" + string.Join('|', values.Select(EscapeRegex)) + ")";
            case null or "raw" or "csv":
                return selection.IsAll && selection.Variable.AllValue is { } raw ? raw : string.Join(',', values);
            case "pipe":
                return string.Join('|', values);
            case "doublequote":
                return string.Join(',', values.Select(v => "\"" + v.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
            case "singlequote":
                return string.Join(',', values.Select(v => "'" + v.Replace("'", "\\'", StringComparison.Ordinal) + "'"));
            default:
                throw new NotSupportedException($"Variable format '{format}' is not supported.");
        }
    }

    private static string? FirstSuccess(Match match, params int[] groups) =>
        groups.Select(g => match.Groups[g]).FirstOrDefault(g => g.Success)?.Value;

    // Grafana's own pattern (templateSrv's variableRegex).
    [GeneratedRegex(@"\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?\}")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"([\\^$*+?.()|\[\]{}/])")]
    private static partial Regex RegexSpecial();
}
