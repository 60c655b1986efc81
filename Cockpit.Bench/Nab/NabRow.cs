namespace Cockpit.Bench.Nab;

/// <summary>One data row of a NAB file, its cells kept verbatim so the results file can repeat them exactly.</summary>
/// <param name="Line">1-based line number in the data file (the header is line 1).</param>
/// <param name="Timestamp">The timestamp cell as written.</param>
/// <param name="Value">The value cell as written.</param>
/// <param name="Time">The timestamp read as UTC.</param>
public readonly record struct NabRow(long Line, string Timestamp, string Value, DateTimeOffset Time);
