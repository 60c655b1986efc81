namespace Cockpit.Ingest.Write;

/// <summary>The first problem found in a payload.</summary>
/// <param name="Line">1-based line number in the payload (for JSON arrays, the 1-based index of the object).</param>
/// <param name="Message">What was wrong, in words a sender can act on.</param>
public sealed record WriteError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
