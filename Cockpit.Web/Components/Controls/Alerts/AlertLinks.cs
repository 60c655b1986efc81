namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>
/// Where the alert pages live, relative to the app's base (<c>&lt;base href&gt;</c>), so the links keep working
/// behind a path prefix. Notifications build the absolute forms <c>{ExternalUrl}/alerts/{id}</c> and
/// <c>{ExternalUrl}/alerts?filter=…</c>.
/// </summary>
public static class AlertLinks
{
    /// <summary>The list of all alerts.</summary>
    public const string List = "alerts";

    /// <summary>One alert's page.</summary>
    public static string Detail(long id) => List + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The list narrowed to the alerts <paramref name="filter"/> selects.</summary>
    public static string Filtered(LabelMatcherSet filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Matchers.Count == 0 ? List : List + "?filter=" + Uri.EscapeDataString(filter.ToString());
    }
}
