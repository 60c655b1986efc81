using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Write;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Http.Tokens;

/// <summary>
/// Ingest tokens created at run time, in SQLite (<c>DataDir/ingest-tokens.db</c>). Secrets are 32 random bytes;
/// only their SHA-256 is stored (a fast hash is enough for secrets that cannot be guessed), so neither the file nor
/// the UI can show a secret again after it was created. Revoking keeps the record of who created and revoked it.
/// </summary>
public sealed class IngestTokenStore
{
    public const string FileName = "ingest-tokens.db";

    /// <summary>Prefix of generated secrets, so a leaked one is recognisable in logs and scanners.</summary>
    public const string SecretPrefix = "cki_";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ingest_tokens (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            secret_sha256 BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            revoked_at INTEGER,
            revoked_by TEXT);
        """;

    private readonly Lock _lock = new();
    private readonly SqliteDataFile _file;
    private readonly TimeProvider _clock;
    private readonly HashSet<string> _configuredNames;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastUsed = new(StringComparer.Ordinal);
    private List<(ManagedIngestToken Token, byte[] Hash)> _tokens;

    public IngestTokenStore(IOptions<CockpitOptions> cockpit, IOptions<IngestOptions> ingest, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        ArgumentNullException.ThrowIfNull(ingest);
        _clock = clock;
        _configuredNames = new HashSet<string>(ingest.Value.Tokens.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        _file = new SqliteDataFile(cockpit.Value, FileName, Schema);
        using var connection = _file.Open();
        _tokens = Load(connection);
    }

    /// <summary>Whether any managed token can be used now.</summary>
    public bool HasActive => Volatile.Read(ref _tokens).Any(t => t.Token.Active);

    /// <summary>Every managed token (active and revoked), newest first, without secrets.</summary>
    public IReadOnlyList<ManagedIngestToken> List() =>
        [.. Volatile.Read(ref _tokens).Select(t => t.Token with { LastUsedAt = _lastUsed.TryGetValue(t.Token.Id, out var at) ? at : null })
            .OrderByDescending(t => t.CreatedAt)];

    /// <summary>Creates a token; returns it with its secret (the only time the secret exists outside the caller), or an error.</summary>
    public (ManagedIngestToken? Token, string? Secret, string? Error) Create(string name, string createdBy)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return (null, null, "A token name is 1 to 64 letters, digits, '-', '_' or '.', e.g. telegraf-tianhe.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ManagedIngestToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, _clock.GetUtcNow(), createdBy);
        lock (_lock)
        {
            if (_configuredNames.Contains(name) || _tokens.Any(t => string.Equals(t.Token.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, null, $"There is already a token named '{name}'.");
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
            using var connection = _file.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO ingest_tokens (id, name, secret_sha256, created_at, created_by) VALUES ($id, $name, $hash, $at, $by)";
            command.Parameters.AddWithValue("$id", token.Id);
            command.Parameters.AddWithValue("$name", token.Name);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$at", token.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$by", createdBy);
            command.ExecuteNonQuery();
            _tokens = [.. _tokens, (token, hash)];
        }

        return (token, secret, null);
    }

    /// <summary>Revokes a token at once: writes with it are refused from the next request on. False when unknown or already revoked.</summary>
    public bool Revoke(string id, string revokedBy)
    {
        lock (_lock)
        {
            var index = _tokens.FindIndex(t => t.Token.Id == id && t.Token.Active);
            if (index < 0)
            {
                return false;
            }

            var revoked = _tokens[index].Token with { RevokedAt = _clock.GetUtcNow(), RevokedBy = revokedBy };
            using var connection = _file.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ingest_tokens SET revoked_at = $at, revoked_by = $by WHERE id = $id";
            command.Parameters.AddWithValue("$at", revoked.RevokedAt!.Value.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$by", revokedBy);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
            var copy = _tokens.ToList();
            copy[index] = (revoked, _tokens[index].Hash);
            _tokens = copy;
        }

        return true;
    }

    /// <summary>
    /// The name of the active token whose secret is <paramref name="secretUtf8"/>, or null. Every active hash is compared
    /// in constant time, whichever matched, so timing tells nothing about which token is close.
    /// </summary>
    public string? Match(ReadOnlySpan<byte> secretUtf8)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(secretUtf8, hash);
        ManagedIngestToken? found = null;
        foreach (var (token, stored) in Volatile.Read(ref _tokens))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, stored) && token.Active && found is null)
            {
                found = token;
            }
        }

        if (found is null)
        {
            return null;
        }

        _lastUsed[found.Id] = _clock.GetUtcNow();
        return found.Name;
    }

    private static List<(ManagedIngestToken, byte[])> Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, secret_sha256, created_at, created_by, revoked_at, revoked_by FROM ingest_tokens";
        using var r = command.ExecuteReader();
        var list = new List<(ManagedIngestToken, byte[])>();
        while (r.Read())
        {
            var token = new ManagedIngestToken(r.GetString(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), r.GetString(4))
            {
                RevokedAt = r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                RevokedBy = r.IsDBNull(6) ? null : r.GetString(6),
            };
            list.Add((token, (byte[])r.GetValue(2)));
        }

        return list;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
