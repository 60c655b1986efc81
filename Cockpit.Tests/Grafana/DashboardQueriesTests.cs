using Xunit.Abstractions;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// Every query of every dashboard in grafana/dashboards, run against a real influxd holding simulated history, as
/// Grafana would run it when the dashboard is opened at the end of that history: no query may fail or come back
/// without data (a misspelt field, tag or variable leaves a panel empty).
/// </summary>
public sealed class DashboardQueriesTests(InfluxdWithSimulatedHistory influxd, ITestOutputHelper output)
    : IClassFixture<InfluxdWithSimulatedHistory>
{
    public static TheoryData<string> DashboardFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in GrafanaFiles.DashboardFiles())
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public async Task Queries_SavedVariables_EveryVariableAndTargetReturnsData(string file)
    {
        var (variables, targets) = await RunAsync(file, VariableChoice.Saved);

        Assert.NotEmpty(targets);
        AssertNoProblems(variables.Concat(targets));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public async Task Queries_TwoValuesPerVariable_EveryTargetReturnsData(string file)
    {
        var dashboard = GrafanaDashboard.Load(Path.Combine(GrafanaFiles.DashboardsFolder, file));
        if (dashboard.Variables.Count == 0)
        {
            output.WriteLine($"{file}: no variables, nothing more to check than with the saved selection.");
            return;
        }

        var (variables, targets) = await RunAsync(file, VariableChoice.FirstTwo);

        Assert.Contains(targets, t => t.Query.Contains('|', StringComparison.Ordinal));
        AssertNoProblems(variables.Concat(targets));
    }

    private async Task<(IReadOnlyList<QueryCheck> Variables, IReadOnlyList<QueryCheck> Targets)> RunAsync(string file, VariableChoice choice)
    {
        var dashboard = GrafanaDashboard.Load(Path.Combine(GrafanaFiles.DashboardsFolder, file));
        var runner = new DashboardQueryRunner(influxd.Server, influxd.Database, SimulatedHistory.Now, influxd.MinInterval);
        var (variables, targets) = await runner.RunAsync(dashboard, choice);
        output.WriteLine(
            $"{file} ({choice}): {variables.Count} variable queries and {targets.Count} panel queries against " +
            $"{influxd.FieldValues} simulated field values; {variables.Concat(targets).Count(c => c.Problems.Count > 0)} with problems.");
        foreach (var check in variables.Concat(targets))
        {
            output.WriteLine($"  {check.Where}\n    {check.Query}");
        }

        return (variables, targets);
    }

    private static void AssertNoProblems(IEnumerable<QueryCheck> checks)
    {
        var failed = checks.Where(c => c.Problems.Count > 0).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} queries without data:\n" + string.Join('\n', failed));
    }
}
