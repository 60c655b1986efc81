namespace Cockpit.Ingest.Storage;

/// <summary>How the values inside one time bucket (and group) are combined.</summary>
public enum Aggregate
{
    Mean,
    Sum,
    Min,
    Max,
    Count,
    Last,
}
