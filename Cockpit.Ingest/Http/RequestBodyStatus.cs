namespace Cockpit.Ingest.Http;

/// <summary>How reading a request body went.</summary>
internal enum RequestBodyStatus
{
    Ok,
    TooLarge,
    BadGzip,
    UnsupportedEncoding,

    /// <summary>The client sent its body slower than Kestrel's minimum data rate and was cut off.</summary>
    TooSlow,
}
