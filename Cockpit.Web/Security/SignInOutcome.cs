namespace Cockpit.Web.Security;

/// <summary>What a password sign-in came to.</summary>
/// <param name="User">The user, when signed in.</param>
/// <param name="LockedFor">How long the user name stays locked, when it is.</param>
public sealed record SignInOutcome(UserAccount? User, TimeSpan? LockedFor)
{
    /// <summary>Wrong user name or password (which one is never said).</summary>
    public static SignInOutcome Wrong { get; } = new(null, null);

    /// <summary>Whether the user is now signed in.</summary>
    public bool SignedIn => User is not null;
}
