namespace Cockpit.Ingest.Model;

/// <summary>The measurement, tag and field names of Cockpit's three metric families (docs/metrics.md).</summary>
public static class MetricNames
{
    public const string Complaints = "complaints";
    public const string Business = "business";
    public const string Network = "network";

    public const string RegionTag = "region";
    public const string ChannelTag = "channel";
    public const string CategoryTag = "category";
    public const string BusinessTypeTag = "business_type";
    public const string CellTag = "cell";

    public const string CountField = "count";
    public const string AttemptsField = "attempts";
    public const string SuccessesField = "successes";
    public const string SuccessRateField = "success_rate";
    public const string HandleTimeField = "handle_time_s";
    public const string LatencyField = "latency_ms";
    public const string LossField = "loss_pct";
    public const string OutagesField = "outages";

    /// <summary>Complaint channels.</summary>
    public static readonly IReadOnlyList<string> Channels = ["hotline", "app", "web", "store"];

    /// <summary>Complaint categories.</summary>
    public static readonly IReadOnlyList<string> Categories = ["broadband", "mobile", "billing", "service"];

    /// <summary>Business types.</summary>
    public static readonly IReadOnlyList<string> BusinessTypes = ["new_line", "broadband_install", "plan_change", "repair"];
}
