namespace Cockpit.Alerting.Silences;

/// <summary>The silences, stored in SQLite. Creating or expiring one re-marks the alerts it matches.</summary>
public interface ISilenceBook
{
    /// <summary>All silences (pending, active and expired within retention), newest first.</summary>
    IReadOnlyList<Silence> List();

    Silence? Find(string id);

    /// <summary>Creates a silence; a result with errors (plain text, one per problem) when the request is invalid.</summary>
    SilenceResult Create(SilenceRequest request, string author);

    /// <summary>Expires a silence now; false when there is no such silence or it already ended.</summary>
    bool Expire(string id, string actor);
}

/// <summary>The created silence, or what was wrong with the request.</summary>
public sealed record SilenceResult(Silence? Silence, IReadOnlyList<string> Errors)
{
    public bool Ok => Silence is not null;
}
