namespace Cockpit.Ingest.LineProtocol;

/// <summary>What was wrong with a line; <see cref="LineError.Describe"/> turns it into words.</summary>
internal enum LineErrorKind : byte
{
    None,
    MissingFields,
    MissingMeasurement,
    InvalidTag,
    EmptyTagKey,
    EmptyTagValue,
    DuplicateTag,
    InvalidUtf8,
    SeriesLimit,
    MissingFieldKey,
    MissingFieldValue,
    InvalidFieldKey,
    UnterminatedString,
    TextAfterString,
    InvalidNumber,
    InvalidInteger,
    InvalidUnsigned,
    IntegerOutOfRange,
    InvalidBoolean,
    NotFinite,
    FloatOutOfRange,
    InvalidTimestamp,
    TimestampOutOfRange,
    FutureTimestamp,
    UnexpectedText,
}
