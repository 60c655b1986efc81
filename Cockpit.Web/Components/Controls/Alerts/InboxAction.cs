namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>What someone can do to an alert from the inbox.</summary>
public enum InboxAction
{
    Acknowledge,
    Resolve,
    Silence,
    Note,
}
