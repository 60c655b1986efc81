namespace Cockpit.Ingest.Storage.Influx;

/// <summary>Where the InfluxDB store writes and how (<c>Cockpit:Store:InfluxDb</c>).</summary>
public sealed class InfluxDbStoreOptions
{
    /// <summary>The server's base address, e.g. <c>http://influxdb:8086</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The database (InfluxDB 2.x/3.x: the bucket mapped through v1 compatibility).</summary>
    public string Database { get; set; } = "cockpit";

    /// <summary>The retention policy to write to; empty means the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>An API token (sent as <c>Authorization: Token …</c>), for InfluxDB 2.x/3.x.</summary>
    public string? Token { get; set; }

    /// <summary>A user name for InfluxDB 1.x authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }
}
