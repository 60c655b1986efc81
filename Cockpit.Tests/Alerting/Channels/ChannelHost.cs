using Cockpit.Alerting.Channels;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The channels as the app registers them (<c>AddCockpitAlertChannels</c>), on a fake clock.</summary>
internal sealed class ChannelHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ChannelHost(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? ChannelTestData.Now);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddCockpitAlertChannels();
        _services = services.BuildServiceProvider();
        Channels = _services.GetRequiredService<NotificationChannels>();
    }

    public FakeTimeProvider Time { get; }

    /// <summary>What the channels logged.</summary>
    public LogCapture Logs { get; } = new();

    public NotificationChannels Channels { get; }

    public IServiceProvider Services => _services;

    public INotificationChannel this[ReceiverKind kind] => Channels.For(kind);

    public void Dispose() => _services.Dispose();
}
