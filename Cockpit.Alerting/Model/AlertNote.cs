namespace Cockpit.Alerting.Model;

/// <summary>A note someone on call wrote on an alert (plain text, never rendered as markup).</summary>
public sealed record AlertNote(long Id, long AlertId, DateTimeOffset At, string Author, string Text);
