namespace Cockpit.Web.Security;

/// <summary>Wall screens that sign in with a key instead of a password (section <c>Cockpit:Display</c>).</summary>
public sealed class DisplayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Display";

    /// <summary>The keys; none by default.</summary>
    public List<DisplayKey> Keys { get; set; } = [];

    /// <summary>How long a screen stays signed in without use (default 365 days; renewed while the wall is open).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(365);
}
