using Cockpit.Ingest;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Ingest.Storage.Influx;

public sealed class InfluxDbStoreOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<InfluxDbStoreOptions> configure, StoreKind kind = StoreKind.InfluxDb)
    {
        var options = new StoreOptions { Kind = kind, InfluxDb = new InfluxDbStoreOptions { Url = new Uri("http://influxdb:8086") } };
        configure(options.InfluxDb);
        return new InfluxDbStoreOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(Validate(_ => { }).Succeeded);

    [Fact]
    public void Validate_EmbeddedStore_SkipsEvenWithoutUrl() => Assert.True(Validate(o => o.Url = null, StoreKind.Embedded).Skipped);

    [Theory]
    [InlineData("Url", null)]
    [InlineData("Url", "ftp://influxdb:8086")]
    [InlineData("Url", "http://admin:secret@influxdb:8086")]
    public void Validate_BadUrl_FailsNamingTheKey(string key, string? url)
    {
        var result = Validate(o => o.Url = url is null ? null : new Uri(url));

        Assert.True(result.Failed);
        Assert.Contains($"Cockpit:Store:InfluxDb:{key}", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<InfluxDbStoreOptions>> Invalid => new()
    {
        { "Database", o => o.Database = " " },
        { "Password", o => o.Password = "p" },
        { "Token", o => (o.Token, o.Username) = ("t", "u") },
        { "MaxRetryDelay", o => (o.MinRetryDelay, o.MaxRetryDelay) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)) },
        { "BatchLines", o => o.BatchLines = 0 },
        { "SpoolMaxBytes", o => o.SpoolMaxBytes = 0 },
        { "BatchInterval", o => o.BatchInterval = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidSetting_FailsNamingTheKey(string key, Action<InfluxDbStoreOptions> configure)
    {
        var result = Validate(configure);

        Assert.True(result.Failed);
        Assert.Contains($"Cockpit:Store:InfluxDb:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KindInfluxDbWithoutUrl_FailsNamingTheKey()
    {
        using var dir = new TempDirectory();
        using var host = BuildHost(dir, new() { ["Cockpit:Store:Kind"] = "InfluxDb" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cockpit:Store:InfluxDb:Url", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_KindInfluxDb_TheInfluxDbStoreWithItsSpoolInDataDir()
    {
        using var dir = new TempDirectory();
        using var host = BuildHost(dir, new()
        {
            ["Cockpit:Store:Kind"] = "InfluxDb",
            ["Cockpit:Store:InfluxDb:Url"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
        });

        var store = Assert.IsType<InfluxDbMetricStore>(host.Services.GetRequiredService<IMetricStore>());

        Assert.Equal(Path.Combine(dir.Path, "influx-spool"), store.SpoolPath);
        await store.DisposeAsync();
    }

    private static IHost BuildHost(TempDirectory dir, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        settings["Cockpit:DataDir"] = dir.Path;
        settings["Cockpit:Simulator:Enabled"] = "false";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCockpitIngest();
        return builder.Build();
    }
}
