using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Dispatch;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;
using Cockpit.Tests.Alerting.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>The dispatcher and the delivery worker on the real alert book and silence book, one SQLite file, virtual time.</summary>
public sealed class AlertBookDispatchTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly AlertingOptions _options = new() { Receivers = [AlertingHarness.Receiver("hook")] };
    private readonly AlertBookHarness _book;
    private readonly NotificationOutbox _outbox;
    private readonly NotificationDispatcher _dispatcher;
    private readonly DeliveryWorker _worker;
    private readonly RecordingChannel _channel;
    private readonly DateTimeOffset _start;

    public AlertBookDispatchTests()
    {
        _book = new AlertBookHarness(_options);
        _start = _book.Now;
        var options = Options.Create(_options);
        var status = new NotificationStatus();
        _outbox = new NotificationOutbox(_book.Database);
        _dispatcher = new NotificationDispatcher(
            _book.Book, new AlertRouter(options), new NotificationGroupStore(_book.Database), _outbox, status, _book.Scheduler, options,
            NullLogger<NotificationDispatcher>.Instance);
        _channel = new RecordingChannel(ReceiverKind.Webhook, _book.Scheduler);
        _worker = new DeliveryWorker(_outbox, new NotificationChannels([_channel]), options, status, _book.Scheduler, NullLogger<DeliveryWorker>.Instance);
        _dispatcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _dispatcher.Dispose();
        _worker.Dispose();
        _outbox.Dispose();
        _book.Dispose();
    }

    [Fact]
    public void FiredAcknowledgedRecovered_FiringOnceNoRepeatsThenResolved_WithHistory()
    {
        _book.Fire();
        var id = _book.Only().Id;
        AdvanceTo(Wait);
        Assert.Equal([("firing", _start + Wait)], _channel.Delivered.Select(a => (a.Notification.Status, a.At)));

        AdvanceTo(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertCommandOutcome.Done, _book.Book.Acknowledge(id, "alice").Outcome);
        AdvanceTo(TimeSpan.FromHours(5));
        Assert.Single(_channel.Delivered);

        _book.Recover();
        AdvanceTo(TimeSpan.FromHours(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(["firing", "resolved"], _channel.Delivered.Select(a => a.Notification.Status));
        Assert.Equal(_start + TimeSpan.FromHours(5), _channel.Delivered[1].At);
        Assert.Equal(id, _channel.Delivered[1].Notification.Alerts.Single().AlertId);
        var notified = _book.Book.History(id).Where(e => e.Action == "notified").Select(e => e.Detail).ToList();
        Assert.Equal(2, notified.Count);
        Assert.StartsWith("firing to hook, message ", notified[0], StringComparison.Ordinal);
        Assert.StartsWith("resolved to hook, message ", notified[1], StringComparison.Ordinal);
    }

    [Fact]
    public void SilencedThenExpired_SentOnlyAfterTheSilenceEnds()
    {
        var matcher = LabelMatcherParser.TryParse("region=yuexiu", out var m, out _) ? m : throw new InvalidOperationException();
        var silence = _book.Silences.Create(new SilenceRequest([matcher], null, _book.Now + TimeSpan.FromHours(2), "maintenance"), "li.wei").Silence!;
        _book.Fire(region: "yuexiu");
        AdvanceTo(TimeSpan.FromHours(1));
        Assert.Empty(_channel.Attempts);

        Assert.True(_book.Silences.Expire(silence.Id, "li.wei"));
        AdvanceTo(TimeSpan.FromHours(1) + Wait);

        var attempt = Assert.Single(_channel.Delivered);
        Assert.Equal(_start + TimeSpan.FromHours(1) + Wait, attempt.At);
        Assert.Equal("yuexiu", attempt.Notification.Alerts.Single().Labels["region"]);
    }

    private void AdvanceTo(TimeSpan offset) => _book.Scheduler.AdvanceTo((_start + offset).UtcTicks);
}
