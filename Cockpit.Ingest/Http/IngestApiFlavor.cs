namespace Cockpit.Ingest.Http;

/// <summary>Which API a write came through; decides the precision names accepted and the error shape.</summary>
public enum IngestApiFlavor
{
    /// <summary>InfluxDB 1.x <c>/write</c>: precision n, ns, u, us, µ, ms, s, m, h.</summary>
    InfluxV1,

    /// <summary>InfluxDB 2.x <c>/api/v2/write</c>: precision ns, us, ms, s.</summary>
    InfluxV2,

    /// <summary>Cockpit's <c>/api/ingest</c> (JSON); precision as for 2.x.</summary>
    Json,
}
