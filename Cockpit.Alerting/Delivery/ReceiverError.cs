namespace Cockpit.Alerting.Delivery;

/// <summary>A receiver's last delivery problem (plain text) and when it happened (clock time).</summary>
public sealed record ReceiverError(string Error, DateTimeOffset At);
