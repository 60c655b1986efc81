namespace Cockpit.Ingest.Storage.Influx;

/// <summary>InfluxDB answered a query with an error (a statement's <c>error</c> field or a failed HTTP status); the message is InfluxDB's.</summary>
public sealed class InfluxDbQueryException : Exception
{
    public InfluxDbQueryException()
    {
    }

    public InfluxDbQueryException(string message)
        : base(message)
    {
    }

    public InfluxDbQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
