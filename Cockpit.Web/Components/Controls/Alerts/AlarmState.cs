namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>What inbox.js reports about the alarm: on or off (localStorage), and the notification permission.</summary>
/// <param name="Enabled">The user turned the alarm on.</param>
/// <param name="Permission">default, granted, denied or unsupported.</param>
internal sealed record AlarmState(bool Enabled, string? Permission);
