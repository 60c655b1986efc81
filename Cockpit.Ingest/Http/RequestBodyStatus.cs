namespace Cockpit.Ingest.Http;

/// <summary>How reading a request body went.</summary>
internal enum RequestBodyStatus
{
    Ok,
    TooLarge,
    BadGzip,
    UnsupportedEncoding,
}
