namespace Cockpit.Alerting.Dispatch;

/// <summary>Where an alert goes: a receiver of a route at an escalation level (0: the route's own receivers).</summary>
internal sealed record GroupTarget(NotificationRoute Route, string Receiver, int Level, string Team);
