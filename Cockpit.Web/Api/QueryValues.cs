namespace Cockpit.Web.Api;

/// <summary>Reads the comma-separated values of a query filter (<c>?state=firing,acknowledged</c>).</summary>
internal static class QueryValues
{
    /// <summary>The non-empty values, trimmed; empty when the parameter is absent or blank.</summary>
    public static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The enum values named (ignoring case; numbers are not names); null when the parameter is absent. Unknown names
    /// add one error to <paramref name="errors"/> that lists the allowed ones.
    /// </summary>
    public static HashSet<T>? ParseEnum<T>(string parameter, string? value, List<string> errors)
        where T : struct, Enum
    {
        var names = Split(value);
        if (names.Length == 0)
        {
            return null;
        }

        var parsed = new HashSet<T>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            var match = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                unknown.Add(name);
            }
            else
            {
                parsed.Add(Enum.Parse<T>(match));
            }
        }

        if (unknown.Count > 0)
        {
            errors.Add(Unknown(parameter, unknown, Enum.GetNames<T>().Select(n => n.ToLowerInvariant())));
        }

        return parsed;
    }

    /// <summary>The error for values of <paramref name="parameter"/> that are not among <paramref name="allowed"/>.</summary>
    public static string Unknown(string parameter, IEnumerable<string> values, IEnumerable<string> allowed) =>
        $"Unknown {parameter} {string.Join(", ", values.Select(v => $"'{v}'"))}; use one of: {string.Join(", ", allowed)} (comma-separated for several).";
}
