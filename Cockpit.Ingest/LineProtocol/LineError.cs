using System.Text;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>
/// A bad line, described cheaply (a kind and where the offending text is) so that only the first error of a
/// payload is ever formatted into a message.
/// </summary>
/// <param name="Kind">What was wrong.</param>
/// <param name="TokenStart">Offset of the offending text in the payload.</param>
/// <param name="TokenLength">Length of the offending text.</param>
/// <param name="Field">The field concerned, when there is one.</param>
/// <param name="Detail">A ready-made message for errors found on slow paths (series limit, duplicate tags).</param>
internal readonly record struct LineError(LineErrorKind Kind, int TokenStart = 0, int TokenLength = 0, string? Field = null, string? Detail = null)
{
    private const int MaxQuotedBytes = 80;

    public static LineError None => default;

    public bool IsError => Kind != LineErrorKind.None;

    /// <summary>The message a sender sees, e.g. <c>invalid number '12a' for field 'count'</c>.</summary>
    public string Describe(ReadOnlySpan<byte> payload, in DecodeSettings settings)
    {
        if (Detail is not null)
        {
            return Detail;
        }

        var token = Quote(payload.Slice(TokenStart, TokenLength));
        var precision = settings.PrecisionName;
        return Kind switch
        {
            LineErrorKind.MissingFields => "missing fields: expected 'measurement[,tag=value...] field=value[,field=value...] [timestamp]'",
            LineErrorKind.MissingMeasurement => "missing measurement",
            LineErrorKind.InvalidTag => $"invalid tag '{token}': expected key=value",
            LineErrorKind.EmptyTagKey => $"invalid tag '{token}': empty tag key",
            LineErrorKind.EmptyTagValue => $"tag '{token}' has no value",
            LineErrorKind.InvalidUtf8 => "measurement, tag or field names are not valid UTF-8",
            LineErrorKind.MissingFieldKey => "missing field key",
            LineErrorKind.MissingFieldValue => $"missing value for field '{token}'",
            LineErrorKind.InvalidFieldKey => $"invalid field '{token}': expected key=value",
            LineErrorKind.UnterminatedString => $"unterminated string value for field '{Field}'",
            LineErrorKind.TextAfterString => $"unexpected text after the string value of field '{Field}'",
            LineErrorKind.InvalidNumber => $"invalid number '{token}' for field '{Field}'",
            LineErrorKind.InvalidInteger => $"invalid integer '{token}' for field '{Field}'",
            LineErrorKind.InvalidUnsigned => $"invalid unsigned integer '{token}' for field '{Field}'",
            LineErrorKind.IntegerOutOfRange => $"integer '{token}' for field '{Field}' is out of range",
            LineErrorKind.InvalidBoolean => $"invalid boolean '{token}' for field '{Field}' (use t, T, true, True, TRUE, f, F, false, False or FALSE)",
            LineErrorKind.NotFinite => $"NaN and infinite values are not accepted ('{token}' for field '{Field}')",
            LineErrorKind.FloatOutOfRange => $"number '{token}' for field '{Field}' is out of the range of a 64-bit float",
            LineErrorKind.InvalidTimestamp => $"invalid timestamp '{token}': expected an integer number of {precision}",
            LineErrorKind.TimestampOutOfRange => $"timestamp '{token}' ({precision}) is out of range (1677-09-21 to 2262-04-11)",
            LineErrorKind.FutureTimestamp => $"timestamp '{token}' ({precision}) is {settings.TooFarAhead}",
            LineErrorKind.UnexpectedText => $"unexpected text '{token}' after the timestamp",
            _ => Kind.ToString(),
        };
    }

    private static string Quote(ReadOnlySpan<byte> bytes) =>
        bytes.Length <= MaxQuotedBytes
            ? Encoding.UTF8.GetString(bytes)
            : Encoding.UTF8.GetString(bytes[..MaxQuotedBytes]) + "...";
}
