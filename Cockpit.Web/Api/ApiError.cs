namespace Cockpit.Web.Api;

/// <summary>The body of every API error answer: one plain-text message for people.</summary>
/// <param name="Error">What was wrong and, where it helps, what is allowed.</param>
public sealed record ApiError(string Error);
