namespace Cockpit.Web.Security;

/// <summary>A user name <see cref="LoginThrottle"/> refuses now, and until when.</summary>
/// <param name="Name">The name as typed at the first counted failure (it may not be a user at all).</param>
/// <param name="Until">When it opens again by itself.</param>
public sealed record LockedUserName(string Name, DateTimeOffset Until);
