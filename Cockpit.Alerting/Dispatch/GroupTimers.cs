namespace Cockpit.Alerting.Dispatch;

/// <summary>A group's timers, from its route or the defaults (see <see cref="GroupingOptions"/>).</summary>
/// <param name="Wait">Before a new group's first message.</param>
/// <param name="Interval">Least time between messages when something changed.</param>
/// <param name="Repeat">Reminder period when nothing changed.</param>
internal sealed record GroupTimers(TimeSpan Wait, TimeSpan Interval, TimeSpan Repeat);
