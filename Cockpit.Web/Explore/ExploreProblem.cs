namespace Cockpit.Web.Explore;

/// <summary>Something wrong with an explore address, as a resource key of the explore page and its arguments (plain text).</summary>
/// <param name="Key">The resource name of the message, e.g. <c>Problem.Bucket</c>.</param>
/// <param name="Args">The message's arguments, in order.</param>
public sealed record ExploreProblem(string Key, params string[] Args);
