namespace Cockpit.Bench.Nab;

/// <summary>
/// One anomaly window of NAB's windows file: the rows from the one at <see cref="Start"/> to the one at
/// <see cref="End"/>, both inclusive.
/// </summary>
/// <param name="Start">The window's first timestamp (UTC).</param>
/// <param name="End">The window's last timestamp (UTC).</param>
public readonly record struct NabWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>True when <paramref name="time"/> lies in the window (NAB's labeller: start ≤ t ≤ end).</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && time <= End;

    public override string ToString() => $"[{Start:yyyy-MM-dd HH:mm:ss.FFFFFFF}, {End:yyyy-MM-dd HH:mm:ss.FFFFFFF}]";
}
