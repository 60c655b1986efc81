namespace Cockpit.Ingest.Replay;

/// <summary>A line (or CSV row) of a replayed file that was rejected; the replay goes on after it.</summary>
/// <param name="File">The file's path as configured.</param>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Message">Why it was rejected.</param>
public sealed record ReplayLineError(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
