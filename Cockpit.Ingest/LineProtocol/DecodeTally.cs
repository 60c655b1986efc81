using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>Counts a payload's lines as a decoder goes, keeping the first error in words.</summary>
internal sealed class DecodeTally
{
    public int LinesAccepted { get; set; }

    public int LinesRejected { get; private set; }

    public int StringFieldsSkipped { get; set; }

    public WriteError? FirstError { get; private set; }

    public void Reject(WriteError error)
    {
        LinesRejected++;
        FirstError ??= error;
    }

    public void Reject(int line, in LineError error, ReadOnlySpan<byte> payload, in DecodeSettings settings)
    {
        LinesRejected++;
        FirstError ??= new WriteError(line, error.Describe(payload, settings));
    }
}
