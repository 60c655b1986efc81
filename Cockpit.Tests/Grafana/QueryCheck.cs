namespace Cockpit.Tests.Grafana;

/// <summary>One query run against influxd: where it comes from, what was sent, and what was wrong with the answer.</summary>
/// <param name="Where">Dashboard and panel/target, or variable.</param>
/// <param name="Query">The InfluxQL sent, after interpolation.</param>
/// <param name="Problems">Empty when the answer had data.</param>
public sealed record QueryCheck(string Where, string Query, IReadOnlyList<string> Problems)
{
    public override string ToString() => $"{Where}: {string.Join("; ", Problems)}\n    {Query}";
}
