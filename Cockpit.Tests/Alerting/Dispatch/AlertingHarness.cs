using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Dispatch;
using Cockpit.Alerting.Notifications;
using Cockpit.Alerting.Storage;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>
/// The dispatcher and the delivery worker over a real SQLite file in a data folder, on a virtual-time
/// scheduler, fed by a <see cref="FakeAlertBook"/>. Disposing it is a "kill": nothing is flushed or awaited, and a new
/// harness on the same folder (and scheduler) is the restarted process.
/// </summary>
public sealed class AlertingHarness : IDisposable
{
    /// <summary>Where virtual time starts (a Tuesday morning, UTC).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsBook;

    public AlertingHarness(string dataDir, AlertingOptions options, TestScheduler? scheduler = null, FakeAlertBook? book = null)
    {
        Options = options;
        if (scheduler is null)
        {
            scheduler = new TestScheduler();
            scheduler.AdvanceTo(Start.UtcTicks);
        }

        Scheduler = scheduler;
        _ownsBook = book is null;
        Book = book ?? new FakeAlertBook();
        var alerting = Microsoft.Extensions.Options.Options.Create(options);
        Database = new AlertingDatabase(Microsoft.Extensions.Options.Options.Create(new CockpitOptions { DataDir = dataDir }), alerting);
        Outbox = new NotificationOutbox(Database);
        Router = new AlertRouter(alerting);
        Dispatcher = new NotificationDispatcher(
            Book, Router, new NotificationGroupStore(Database), Outbox, Status, Scheduler, alerting, NullLogger<NotificationDispatcher>.Instance);
        Channels = [.. Enum.GetValues<ReceiverKind>().Select(kind => new RecordingChannel(kind, Scheduler))];
        Worker = new DeliveryWorker(Outbox, new NotificationChannels(Channels), alerting, Status, Scheduler, NullLogger<DeliveryWorker>.Instance) { Jitter = () => 1.0 };
    }

    public AlertingOptions Options { get; }

    public TestScheduler Scheduler { get; }

    public FakeAlertBook Book { get; }

    public AlertingDatabase Database { get; }

    internal NotificationOutbox Outbox { get; }

    internal AlertRouter Router { get; }

    internal NotificationDispatcher Dispatcher { get; }

    internal DeliveryWorker Worker { get; }

    public NotificationStatus Status { get; } = new();

    public IReadOnlyList<RecordingChannel> Channels { get; }

    public DateTimeOffset Now => Scheduler.Now;

    /// <summary>The messages in the outbox, in id order.</summary>
    public IReadOnlyList<Notification> Messages => [.. Outbox.All().Select(r => r.Notification)];

    /// <summary>Every delivered attempt over all channels, in time then id order.</summary>
    public IReadOnlyList<RecordingChannel.Attempt> Delivered =>
        [.. Channels.SelectMany(c => c.Delivered).OrderBy(a => a.At).ThenBy(a => a.Notification.Id)];

    public RecordingChannel Channel(ReceiverKind kind) => Channels.Single(c => c.Kind == kind);

    /// <summary>A webhook, a WeCom robot or an email receiver (the kind picks the defaults that matter, e.g. the rate limit).</summary>
    public static ReceiverOptions Receiver(string name, ReceiverKind kind = ReceiverKind.Webhook) => kind == ReceiverKind.Email
        ? new ReceiverOptions { Name = name, Kind = kind, SmtpHost = "127.0.0.1", From = "cockpit@example.com", To = ["oncall@example.com"] }
        : new ReceiverOptions { Name = name, Kind = kind, Url = $"http://127.0.0.1:9/{name}" };

    public AlertingHarness StartDispatcher()
    {
        Dispatcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }

    public AlertingHarness StartAll()
    {
        StartDispatcher();
        Worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }

    /// <summary>Advances virtual time to <see cref="Start"/> + <paramref name="offset"/>, running everything due.</summary>
    public void AdvanceTo(TimeSpan offset) => Scheduler.AdvanceTo((Start + offset).UtcTicks);

    public void Dispose()
    {
        Dispatcher.Dispose();
        Worker.Dispose();
        Outbox.Dispose();
        if (_ownsBook)
        {
            Book.Dispose();
        }
    }
}
