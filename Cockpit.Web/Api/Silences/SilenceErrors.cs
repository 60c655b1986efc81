namespace Cockpit.Web.Api.Silences;

/// <summary>The 400 answer to an invalid silence: every problem in one message, and one by one.</summary>
public sealed record SilenceErrors(string Error, IReadOnlyList<string> Errors);
