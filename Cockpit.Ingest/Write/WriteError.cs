namespace Cockpit.Ingest.Write;

/// <summary>The first problem found in a payload.</summary>
/// <param name="Line">1-based number of the bad line (or, for a JSON array, of the bad object).</param>
/// <param name="Message">What was wrong, in words a sender can act on.</param>
/// <param name="Unit">What <paramref name="Line"/> counts: <c>line</c>, or <c>object</c> for JSON arrays.</param>
public sealed record WriteError(int Line, string Message, string Unit = "line")
{
    /// <summary>E.g. <c>line 3: invalid number 'abc' for field 'count'</c>.</summary>
    public override string ToString() => $"{Unit} {Line}: {Message}";
}
