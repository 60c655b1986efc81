using System.Reactive.Concurrency;
using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Dispatch;
using Cockpit.Alerting.Storage;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>
/// The dispatcher and the worker on the real thread-pool scheduler with changes published from several threads at
/// once, as the book's writer and the timers do in production: every alert is announced and resolved exactly once per
/// receiver, nothing deadlocks. Timer values are tiny so the test is quick; their meaning is tested in virtual time.
/// </summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Threads = 4;
    private const int AlertsPerThread = 40;
    private static readonly string[] Receivers = ["a", "b", "c"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ManyThreadsPublishing_EveryAlertAnnouncedAndResolvedOncePerReceiver()
    {
        var scheduler = DefaultScheduler.Instance;
        var options = Options.Create(new AlertingOptions
        {
            Receivers = [.. Receivers.Select(r => Receiver(r))],
            Grouping = new GroupingOptions
            {
                GroupWait = TimeSpan.Zero, GroupInterval = TimeSpan.FromMilliseconds(50), RepeatInterval = TimeSpan.FromHours(1),
            },
            Delivery = new DeliveryOptions { PollInterval = TimeSpan.FromMilliseconds(100) },
        });
        var database = new AlertingDatabase(Options.Create(new CockpitOptions { DataDir = _dir.Path }), options);
        using var book = new FakeAlertBook();
        using var outbox = new NotificationOutbox(database);
        var status = new NotificationStatus();
        var channel = new RecordingChannel(ReceiverKind.Webhook, scheduler);
        using var dispatcher = new NotificationDispatcher(
            book, new AlertRouter(options), new NotificationGroupStore(database), outbox, status, scheduler, options, NullLogger<NotificationDispatcher>.Instance);
        using var worker = new DeliveryWorker(outbox, new NotificationChannels([channel]), options, status, scheduler, NullLogger<DeliveryWorker>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        await worker.StartAsync(CancellationToken.None);
        var start = scheduler.Now;
        var alerts = Enumerable.Range(0, Threads * AlertsPerThread)
            .Select(i => TestAlerts.Firing(i + 1, start, region: $"r{i % 10}", channel: $"c{i}"))
            .ToList();
        var ids = alerts.Select(a => a.Id).Order().ToList();

        await Task.WhenAll(alerts.Chunk(AlertsPerThread).Select(chunk => Task.Run(() =>
        {
            foreach (var alert in chunk)
            {
                book.Publish(alert);
            }
        })));
        await Eventually.Get(() => Task.FromResult(Receivers.All(r => Ids(channel, r, "firing").SetEquals(ids)) ? "" : null), TimeSpan.FromSeconds(60), "every alert announced to every receiver");

        await Task.WhenAll(alerts.Chunk(AlertsPerThread).Select(chunk => Task.Run(() =>
        {
            foreach (var alert in chunk)
            {
                book.Publish(alert.Resolved(scheduler.Now));
            }
        })));
        await Eventually.Get(() => Task.FromResult(dispatcher.GroupKeys().Count == 0 && status.Pending == 0 && outbox.PendingCount() == 0 ? "" : null), TimeSpan.FromSeconds(60), "every group resolved and delivered");

        foreach (var receiver in Receivers)
        {
            var resolutions = channel.Delivered.Where(a => a.Receiver == receiver)
                .SelectMany(a => a.Notification.Alerts).Where(a => a.Status == "resolved").Select(a => a.AlertId).ToList();
            Assert.Equal(ids, resolutions.Order());
        }

        Assert.Equal(outbox.All().Count, channel.Delivered.Count);
        Assert.All(outbox.All(), r => Assert.NotNull(r.DeliveredAt));
    }

    private static HashSet<long> Ids(RecordingChannel channel, string receiver, string status) =>
        [.. channel.Delivered.Where(a => a.Receiver == receiver).SelectMany(a => a.Notification.Alerts).Where(a => a.Status == status).Select(a => a.AlertId)];
}
