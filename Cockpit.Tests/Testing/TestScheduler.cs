using System.Reactive.Concurrency;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Virtual-time scheduler with 1 tick = 1 .NET tick, like Rx's own TestScheduler. Microsoft.Reactive.Testing is only
/// obtainable here at 3.1.1 (built for System.Reactive 3), so the tests carry this small equivalent on top of
/// System.Reactive's <see cref="VirtualTimeScheduler{TAbsolute,TRelative}"/>.
/// </summary>
public sealed class TestScheduler : VirtualTimeScheduler<long, long>
{
    protected override long Add(long absolute, long relative) => absolute + relative;

    protected override DateTimeOffset ToDateTimeOffset(long absolute) => new(absolute, TimeSpan.Zero);

    protected override long ToRelative(TimeSpan timeSpan) => timeSpan.Ticks;

    /// <summary>Advances virtual time by <paramref name="span"/>, running everything due.</summary>
    public void Advance(TimeSpan span) => AdvanceBy(span.Ticks);
}
