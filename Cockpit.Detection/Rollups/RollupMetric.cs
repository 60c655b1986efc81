using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Rollups;

/// <summary>A field the live rollups keep per district and bucket (sum, count and max of its values).</summary>
/// <param name="Measurement">The measurement.</param>
/// <param name="Field">The field.</param>
public sealed record RollupMetric(string Measurement, string Field)
{
    public static RollupMetric Complaints { get; } = new(MetricNames.Complaints, MetricNames.CountField);

    public static RollupMetric BusinessAttempts { get; } = new(MetricNames.Business, MetricNames.AttemptsField);

    public static RollupMetric BusinessSuccesses { get; } = new(MetricNames.Business, MetricNames.SuccessesField);

    public static RollupMetric NetworkLatency { get; } = new(MetricNames.Network, MetricNames.LatencyField);

    public static RollupMetric NetworkLoss { get; } = new(MetricNames.Network, MetricNames.LossField);

    public static RollupMetric NetworkOutages { get; } = new(MetricNames.Network, MetricNames.OutagesField);

    /// <summary>Every metric the wall needs.</summary>
    public static IReadOnlyList<RollupMetric> All { get; } =
        [Complaints, BusinessAttempts, BusinessSuccesses, NetworkLatency, NetworkLoss, NetworkOutages];
}
