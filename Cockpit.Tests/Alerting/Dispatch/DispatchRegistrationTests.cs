using Cockpit.Alerting;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Dispatch;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>What <c>AddCockpitAlerting</c> wires for dispatch and delivery.</summary>
public sealed class DispatchRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_BadRoute_FailsNamingTheRouteTheMatcherAndTheReceiver()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Cockpit:Alerting:Routes:0:Name"] = "frontline",
            ["Cockpit:Alerting:Routes:0:Matchers:0"] = "rule=~(",
            ["Cockpit:Alerting:Routes:0:Receivers:0"] = "opz",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cockpit:Alerting:Routes:0:Matchers:0: route 'frontline' has a bad matcher", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cockpit:Alerting:Routes:0:Receivers:0: route 'frontline' names receiver 'opz', which is not configured.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_StatusIsOneSingleton_DispatcherAndWorkerAreHosted()
    {
        using var host = Build([]);

        Assert.Same(host.Services.GetRequiredService<NotificationStatus>(), host.Services.GetRequiredService<NotificationStatus>());
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is NotificationDispatcher);
        Assert.Contains(hosted, s => s is DeliveryWorker);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Cockpit:DataDir"] = _dir.Path,
            ["Cockpit:Simulator:Enabled"] = "false",
            ["Cockpit:Alerting:Receivers:0:Name"] = "ops",
            ["Cockpit:Alerting:Receivers:0:Url"] = "http://127.0.0.1:9/hook",
        });
        builder.Services.AddLogging();
        builder.AddCockpitAlerting();
        return builder.Build();
    }
}
