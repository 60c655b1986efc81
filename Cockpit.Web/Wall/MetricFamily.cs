using Cockpit.Ingest.Model;

namespace Cockpit.Web.Wall;

/// <summary>The metric families the wall's heat grid has a column for: the measurements of docs/metrics.md.</summary>
public static class MetricFamily
{
    /// <summary>The families, in column order.</summary>
    public static IReadOnlyList<string> All { get; } = [MetricNames.Complaints, MetricNames.Business, MetricNames.Network];

    /// <summary>The column of <paramref name="measurement"/>, or −1 when it is not one of the families.</summary>
    public static int IndexOf(string measurement)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], measurement, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
