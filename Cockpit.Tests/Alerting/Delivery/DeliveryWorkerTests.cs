using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;
using Cockpit.Tests.Alerting.Dispatch;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Delivery;

/// <summary>Retries with backoff, giving up, rate limits and independent receivers, in virtual time.</summary>
public sealed class DeliveryWorkerTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();
    private readonly AlertingHarness _h;

    public DeliveryWorkerTests()
    {
        var options = new AlertingOptions
        {
            Receivers = [Receiver("hook"), Receiver("hook-2"), Receiver("wecom", ReceiverKind.WeCom)],
            Delivery = new DeliveryOptions { MinBackoff = Second, MaxBackoff = TimeSpan.FromSeconds(30), GiveUpAfter = TimeSpan.FromMinutes(10) },
        };
        _h = new AlertingHarness(_dir.Path, options).StartAll();
    }

    private RecordingChannel Webhook => _h.Channel(ReceiverKind.Webhook);

    public void Dispose()
    {
        _h.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Delivered_MarkedOnce()
    {
        var id = Enqueue("hook");
        _h.AdvanceTo(TimeSpan.FromMinutes(5));

        var attempt = Assert.Single(Webhook.Attempts);
        Assert.Equal((id, Start), (attempt.Notification.Id, attempt.At));
        var row = Assert.Single(_h.Outbox.All());
        Assert.Equal((Start, 1, (DateTimeOffset?)null), (row.DeliveredAt!.Value, row.Attempts, row.FailedAt));
        Assert.Equal(1, _h.Status.Delivered);
    }

    [Fact]
    public void RetryOutcomes_BackOffExponentially_ThenDelivered()
    {
        Webhook.Script("hook", DeliveryOutcome.Retry("503"), DeliveryOutcome.Retry("503"), DeliveryOutcome.Retry("timeout"));
        Enqueue("hook");

        _h.AdvanceTo(TimeSpan.Zero + TimeSpan.FromTicks(1));
        var row = Assert.Single(_h.Outbox.All());
        Assert.Equal((Start + Second, 1, "503"), (row.NextAttemptAt, row.Attempts, row.LastError));

        _h.AdvanceTo(Second);
        Assert.Equal(Start + (3 * Second), _h.Outbox.All()[0].NextAttemptAt);

        _h.AdvanceTo(3 * Second);
        Assert.Equal((Start + (7 * Second), "timeout"), (_h.Outbox.All()[0].NextAttemptAt, _h.Outbox.All()[0].LastError));

        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        Assert.Equal([Start, Start + Second, Start + (3 * Second), Start + (7 * Second)], Webhook.Attempts.Select(a => a.At));
        Assert.Equal(Start + (7 * Second), _h.Outbox.All()[0].DeliveredAt);
        Assert.Equal((3L, 1L), (_h.Status.Retries, _h.Status.Delivered));
        Assert.Equal("timeout", _h.Status.LastErrors["hook"].Error);
    }

    [Fact]
    public void RetryAfterLongerThanBackoff_IsHonoured()
    {
        Webhook.Script("hook", DeliveryOutcome.Retry("429", TimeSpan.FromSeconds(20)));
        Enqueue("hook");

        _h.AdvanceTo(TimeSpan.FromMinutes(1));

        Assert.Equal([Start, Start + TimeSpan.FromSeconds(20)], Webhook.Attempts.Select(a => a.At));
    }

    [Fact]
    public void Fail_MarksFailed_AndTheNextMessageGoes()
    {
        Webhook.Script("hook", DeliveryOutcome.Fail("400 bad token"));
        Enqueue("hook");
        Enqueue("hook");

        _h.AdvanceTo(TimeSpan.FromMinutes(1));

        var rows = _h.Outbox.All();
        Assert.Equal((Start, "400 bad token", 1), (rows[0].FailedAt!.Value, rows[0].LastError, rows[0].Attempts));
        Assert.Null(rows[0].DeliveredAt);
        Assert.Equal(Start, rows[1].DeliveredAt);
        Assert.Equal((1L, 1L, 0L), (_h.Status.Failed, _h.Status.Delivered, _h.Status.Retries));
    }

    [Fact]
    public void RetryingPastGiveUpAfter_MarksFailed()
    {
        Webhook.Default = _ => DeliveryOutcome.Retry("503");
        Enqueue("hook");

        _h.AdvanceTo(TimeSpan.FromHours(1));

        // Attempts at 0, 1, 3, 7, 15, 31 s, then every 30 s (the cap) up to 571 s; the poll at 600 s finds it 10 min old.
        var row = Assert.Single(_h.Outbox.All());
        Assert.Equal(Start + TimeSpan.FromMinutes(10), row.FailedAt);
        Assert.Equal(24, row.Attempts);
        Assert.Equal((24L, 1L), (_h.Status.Retries, _h.Status.Failed));
        Assert.StartsWith("Not delivered within 00:10:00; last error: 503", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownReceiver_Failed()
    {
        Enqueue("gone");

        _h.AdvanceTo(TimeSpan.FromSeconds(1));

        var row = Assert.Single(_h.Outbox.All());
        Assert.Equal("No receiver named 'gone' is configured any more.", row.LastError);
        Assert.Equal(0, row.Attempts);
        Assert.NotNull(row.FailedAt);
    }

    [Fact]
    public async Task NoChannelForTheKind_Failed_OthersDelivered()
    {
        using var dir = new TempDirectory();
        var options = new AlertingOptions { Receivers = [Receiver("hook"), Receiver("mail", ReceiverKind.Email)] };
        using var h = new AlertingHarness(dir.Path, options);
        var webhookOnly = new DeliveryWorker(h.Outbox, new NotificationChannels([h.Channel(ReceiverKind.Webhook)]), Microsoft.Extensions.Options.Options.Create(options), h.Status, h.Scheduler, NullLogger<DeliveryWorker>.Instance);
        await webhookOnly.StartAsync(CancellationToken.None);
        OutboxWriter.Enqueue(h.Database, h.Outbox, "mail", h.Now);
        OutboxWriter.Enqueue(h.Database, h.Outbox, "hook", h.Now);

        h.AdvanceTo(TimeSpan.FromSeconds(1));
        webhookOnly.Dispose();

        var rows = h.Outbox.All();
        Assert.Equal(("No channel sends to Email receivers.", 0), (rows[0].LastError, rows[0].Attempts));
        Assert.NotNull(rows[0].FailedAt);
        Assert.Equal(Start, rows[1].DeliveredAt);
        Assert.Equal("No channel sends to Email receivers.", h.Status.LastErrors["mail"].Error);
    }

    [Fact]
    public void RateLimit_WeComDefault20PerMinute_25Go20ThenTheRestAMinuteLater()
    {
        var ids = Enumerable.Range(0, 25).Select(_ => Enqueue("wecom")).ToList();

        _h.AdvanceTo(TimeSpan.FromSeconds(59));
        var wecom = _h.Channel(ReceiverKind.WeCom);
        Assert.Equal(20, wecom.Attempts.Count);

        _h.AdvanceTo(TimeSpan.FromMinutes(2));
        Assert.Equal(Enumerable.Repeat(Start, 20).Concat(Enumerable.Repeat(Start + TimeSpan.FromMinutes(1), 5)), wecom.Attempts.Select(a => a.At));
        Assert.Equal(ids, wecom.Attempts.Select(a => a.Notification.Id));
        Assert.Equal(1, _h.Status.RateLimitedWaits);
        Assert.All(_h.Outbox.All(), r => Assert.NotNull(r.DeliveredAt));
    }

    [Fact]
    public void OneReceiverDown_DoesNotHoldBackAnother()
    {
        Webhook.Default = name => name == "hook" ? DeliveryOutcome.Retry("connection refused") : DeliveryOutcome.Ok;
        Enqueue("hook");
        Enqueue("hook");
        var others = new[] { Enqueue("hook-2"), Enqueue("hook-2") };

        _h.AdvanceTo(TimeSpan.FromSeconds(10));

        Assert.Equal(others, Webhook.Delivered.Select(a => a.Notification.Id));
        Assert.Equal(["hook", "hook-2", "hook-2", "hook", "hook", "hook"], Webhook.Attempts.Select(a => a.Receiver));
        Assert.All(_h.Outbox.All().Where(r => r.Receiver == "hook"), r => Assert.Null(r.DeliveredAt));
    }

    [Fact]
    public void OneReceiverHanging_DoesNotHoldBackAnother()
    {
        Webhook.Script("hook", [null]);
        Enqueue("hook");
        var other = Enqueue("hook-2");

        _h.AdvanceTo(TimeSpan.FromSeconds(10));

        Assert.Equal([other], Webhook.Delivered.Select(a => a.Notification.Id));
        Assert.Single(Webhook.Attempts, a => a.Receiver == "hook");
    }

    [Fact]
    public void Retention_DeletesFinishedRowsOlderThanRetention_KeepsPending()
    {
        using var dir = new TempDirectory();
        var options = new AlertingOptions
        {
            Receivers = [Receiver("hook"), Receiver("hook-2")],
            Retention = TimeSpan.FromDays(1),
            Delivery = new DeliveryOptions { GiveUpAfter = TimeSpan.FromDays(365), PollInterval = TimeSpan.FromHours(1) },
        };
        using var h = new AlertingHarness(dir.Path, options).StartAll();
        h.Channel(ReceiverKind.Webhook).Default = name => name == "hook" ? DeliveryOutcome.Retry("down") : DeliveryOutcome.Ok;
        OutboxWriter.Enqueue(h.Database, h.Outbox, "hook", h.Now);
        OutboxWriter.Enqueue(h.Database, h.Outbox, "hook-2", h.Now);
        h.AdvanceTo(TimeSpan.FromHours(23));
        Assert.Equal(2, h.Outbox.All().Count);

        h.AdvanceTo(TimeSpan.FromHours(25));

        Assert.Equal(["hook"], h.Outbox.All().Select(r => r.Receiver));
    }

    private long Enqueue(string receiver) => OutboxWriter.Enqueue(_h.Database, _h.Outbox, receiver, _h.Now);
}
