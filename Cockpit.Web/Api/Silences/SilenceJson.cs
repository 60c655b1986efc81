using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Api.Silences;

/// <summary>A silence as the API returns it, with its state at the time of the request.</summary>
public sealed record SilenceJson(
    string Id,
    IReadOnlyList<MatcherJson> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    DateTimeOffset CreatedAt,
    SilenceState State,
    string? ExpiredBy)
{
    public static SilenceJson From(Silence silence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return new(
            silence.Id,
            [.. silence.Matchers.Select(MatcherJson.From)],
            silence.StartsAt,
            silence.EndsAt,
            silence.CreatedBy,
            silence.Comment,
            silence.CreatedAt,
            silence.StateAt(now),
            silence.ExpiredBy);
    }
}
