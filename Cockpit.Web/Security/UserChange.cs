namespace Cockpit.Web.Security;

/// <summary>One change to the dashboard's users: who did what to whom, when.</summary>
/// <param name="UserName">The user (or locked user name) changed.</param>
/// <param name="Kind">What was done.</param>
/// <param name="Detail">The new role, for <see cref="UserChangeKind.RoleChanged"/> and <see cref="UserChangeKind.Created"/>; else null.</param>
/// <param name="At">When.</param>
/// <param name="By">The admin who did it.</param>
public sealed record UserChange(string UserName, UserChangeKind Kind, string? Detail, DateTimeOffset At, string By);
