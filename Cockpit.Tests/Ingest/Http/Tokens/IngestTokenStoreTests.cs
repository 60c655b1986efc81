using System.Text;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Http.Tokens;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Http.Tokens;

public sealed class IngestTokenStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private IngestTokenStore Store() => new(
        Options.Create(new CockpitOptions { DataDir = _data.Path }),
        Options.Create(new IngestOptions { Tokens = [new IngestToken { Name = "telegraf", Secret = "configured-secret-0123456789" }] }),
        _clock);

    [Fact]
    public void Create_SecretShownOnceMatchesAndOnlyItsHashIsStored()
    {
        var store = Store();

        var (token, secret, error) = store.Create("mqtt-bridge", "admin.zhang");

        Assert.Null(error);
        Assert.StartsWith(IngestTokenStore.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(47, secret!.Length);
        Assert.Equal(("mqtt-bridge", "admin.zhang", _clock.GetUtcNow()), (token!.Name, token.CreatedBy, token.CreatedAt));
        Assert.Equal("mqtt-bridge", store.Match(Encoding.UTF8.GetBytes(secret)));
        Assert.Null(store.Match(Encoding.UTF8.GetBytes(secret + "x")));
        SqliteConnection.ClearAllPools();
        var file = File.ReadAllBytes(Path.Combine(_data.Path, IngestTokenStore.FileName));
        var wal = Path.Combine(_data.Path, IngestTokenStore.FileName + "-wal");
        var bytes = File.Exists(wal) ? [.. file, .. File.ReadAllBytes(wal)] : file;
        Assert.DoesNotContain(secret, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_RefusesTheSecretAndKeepsWhoAndWhen_AcrossARestart()
    {
        var store = Store();
        var (token, secret, _) = store.Create("replay-lab", "admin.zhang");
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.True(store.Revoke(token!.Id, "admin.li"));
        Assert.False(store.Revoke(token.Id, "admin.li"));
        Assert.Null(store.Match(Encoding.UTF8.GetBytes(secret!)));

        var reopened = Store();
        var listed = Assert.Single(reopened.List());
        Assert.Equal((false, "admin.li", _clock.GetUtcNow()), (listed.Active, listed.RevokedBy, listed.RevokedAt!.Value));
        Assert.Null(reopened.Match(Encoding.UTF8.GetBytes(secret!)));
    }

    [Fact]
    public void Tokens_SurviveARestartAndRecordTheirLastUseInMemory()
    {
        var (_, secret, _) = Store().Create("simulator-lab", "admin.zhang");
        var reopened = Store();
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("simulator-lab", reopened.Match(Encoding.UTF8.GetBytes(secret!)));
        Assert.Equal(_clock.GetUtcNow(), Assert.Single(reopened.List()).LastUsedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("telegraf")]
    [InlineData("TELEGRAF")]
    public void Create_BadOrTakenName_RefusedWithAReason(string name)
    {
        var (token, secret, error) = Store().Create(name, "admin.zhang");

        Assert.Null(token);
        Assert.Null(secret);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Create_SameNameTwice_SecondRefused()
    {
        var store = Store();
        store.Create("dup", "a");

        Assert.Contains("already", store.Create("dup", "b").Error, StringComparison.Ordinal);
    }
}
