namespace Cockpit.Web.Security;

/// <summary>How dashboard sessions behave (section <c>Cockpit:Login</c>).</summary>
public sealed class LoginOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Login";

    /// <summary>How long a sign-in lasts without use (default 8 hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Whether using the dashboard renews the session (after half of <see cref="SessionLifetime"/>), default true.</summary>
    public bool SlidingExpiration { get; set; } = true;

    /// <summary>Failed sign-ins for one user name within <see cref="FailureWindow"/> after which it is locked (default 5).</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>The window failures are counted in; a locked name opens again when its oldest failure leaves it (default 5 minutes).</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);
}
