namespace Cockpit.Ingest.Http.Tokens;

/// <summary>
/// An ingest token created at run time (by an admin in the UI or the API), as opposed to one from configuration. Only a
/// hash of its secret is kept: the secret is shown once, when it is created.
/// </summary>
public sealed record ManagedIngestToken(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy)
{
    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary>The last accepted write with it since this process started (not stored: a write must not cost a disk write).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    public bool Active => RevokedAt is null;
}
