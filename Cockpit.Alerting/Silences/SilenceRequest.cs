namespace Cockpit.Alerting.Silences;

/// <summary>What a person asks for when creating a silence; validated by <see cref="ISilenceBook.Create"/>.</summary>
/// <param name="Matchers">At least one matcher.</param>
/// <param name="StartsAt">Null for now.</param>
/// <param name="EndsAt">Must be after the start.</param>
/// <param name="Comment">Why (required: the next person on call needs to know).</param>
public sealed record SilenceRequest(IReadOnlyList<LabelMatcher> Matchers, DateTimeOffset? StartsAt, DateTimeOffset EndsAt, string Comment);
