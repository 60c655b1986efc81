using Cockpit.Alerting.Channels;
using Cockpit.Tests.Testing;
using Reply = Cockpit.Tests.Testing.SmtpListener.Reply;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The email channel against a real SMTP server (<see cref="SmtpListener"/>): envelope, headers, both parts, outcomes.</summary>
public sealed class EmailChannelTests : IDisposable
{
    private readonly ChannelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Send_TwoAlerts_MultipartTextAndHtmlWithEveryLink()
    {
        await using var smtp = new SmtpListener();

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("cockpit@example.com", mail.From);
        Assert.Equal(["oncall@example.com", "lead@example.com"], mail.To);
        var message = RawMail.Parse(mail.Raw);
        Assert.Equal("[FIRING:1] complaint-surge 天河", message.Header("Subject"));
        Assert.Equal("cockpit@example.com", message.Header("From"));
        Assert.Equal("oncall@example.com, lead@example.com", message.Header("To"));
        Assert.Equal("42", message.Header("X-Cockpit-Notification-Id"));
        Assert.Equal("<cockpit-notification-42.1795525800000@cockpit.example>", message.Header("Message-ID"));
        Assert.NotEmpty(message.Header("Date")!);
        Assert.StartsWith("multipart/alternative;", message.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(["text/plain; charset=utf-8", "text/html; charset=utf-8"], message.Parts.Select(p => p.ContentType));
        Assert.Equal(
            "[FIRING:1] complaint-surge 天河\r\n" +
            "Team 前端\r\n" +
            "\r\n" +
            "CRITICAL complaint-surge firing\r\n" +
            "Labels: queue=[x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code` <font color=\"info\">ok</font> # h, region=天河\r\n" +
            "Summary: 投诉量 412/min in 天河\r\n" +
            "Measure: value 412, expected 120, score 0.93\r\n" +
            "Likely cause: 光缆中断 <b>fibre cut</b>\r\n" +
            "Since 2026-11-24 13:05 UTC\r\n" +
            "View in Cockpit: http://cockpit.example:5000/alerts/17\r\n" +
            "\r\n" +
            "WARNING complaint-surge resolved\r\n" +
            "Labels: channel=hotline, region=天河\r\n" +
            "Summary: back to normal\r\n" +
            "From 2026-11-24 12:40 UTC to 2026-11-24 13:01 UTC\r\n" +
            "View in Cockpit: http://cockpit.example:5000/alerts/16\r\n" +
            "\r\n" +
            "View all in Cockpit: http://cockpit.example:5000/alerts?group=7f3a\r\n",
            message.Single("text/plain").Text);
        Assert.Equal(
            "<!DOCTYPE html>\r\n" +
            "<html><head><meta charset=\"utf-8\"><title>[FIRING:1] complaint-surge 天河</title></head>\r\n" +
            "<body>\r\n" +
            "<h2>[FIRING:1] complaint-surge 天河</h2>\r\n" +
            "<p>Team 前端</p>\r\n" +
            "<p><strong style=\"color:#c62828\">CRITICAL</strong> <strong>complaint-surge</strong> firing<br>\r\n" +
            "Labels: queue=[x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; **bold** `code` &lt;font color=&quot;info&quot;&gt;ok&lt;/font&gt; # h, region=天河<br>\r\n" +
            "Summary: 投诉量 412/min in 天河<br>\r\n" +
            "Measure: value 412, expected 120, score 0.93<br>\r\n" +
            "Likely cause: 光缆中断 &lt;b&gt;fibre cut&lt;/b&gt;<br>\r\n" +
            "Since 2026-11-24 13:05 UTC<br>\r\n" +
            "<a href=\"http://cockpit.example:5000/alerts/17\">View in Cockpit</a></p>\r\n" +
            "<p><strong style=\"color:#2e7d32\">WARNING</strong> <strong>complaint-surge</strong> resolved<br>\r\n" +
            "Labels: channel=hotline, region=天河<br>\r\n" +
            "Summary: back to normal<br>\r\n" +
            "From 2026-11-24 12:40 UTC to 2026-11-24 13:01 UTC<br>\r\n" +
            "<a href=\"http://cockpit.example:5000/alerts/16\">View in Cockpit</a></p>\r\n" +
            "<p><a href=\"http://cockpit.example:5000/alerts?group=7f3a\">View all in Cockpit</a></p>\r\n" +
            "</body></html>\r\n",
            message.Single("text/html").Text);
    }

    [Fact]
    public async Task Send_Resolved_SubjectSaysResolved()
    {
        await using var smtp = new SmtpListener();
        var two = ChannelTestData.TwoAlerts();
        var resolved = two with { Status = "resolved", Alerts = [two.Alerts[1]] };

        Assert.Equal(DeliveryOutcome.Ok, await Send(smtp, resolved));

        Assert.Equal("[RESOLVED] complaint-surge 天河", RawMail.Parse(Assert.Single(smtp.Messages).Raw).Header("Subject"));
    }

    [Fact]
    public async Task Send_451AfterData_Retry()
    {
        await using var smtp = new SmtpListener(new Reply(".", "451 4.3.0 Mail server temporarily rejected message"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Retryable);
        Assert.StartsWith("451 ", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Send_550ForEveryRecipient_Fail()
    {
        await using var smtp = new SmtpListener(new Reply("RCPT", "550 5.1.1 No such user"), new Reply("RCPT", "550 5.1.1 No such user"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.False(outcome.Retryable);
        Assert.StartsWith("SMTP refused oncall@example.com: 550 ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("; lead@example.com: 550 ", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Send_451ForEveryRecipient_Retry()
    {
        await using var smtp = new SmtpListener(new Reply("RCPT", "451 4.7.1 Greylisted"), new Reply("RCPT", "451 4.7.1 Greylisted"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Retryable, outcome.Error);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Send_OneRecipientRefused_FailSoTheOtherDoesNotGetItTwice()
    {
        await using var smtp = new SmtpListener(new Reply("RCPT", "450 4.2.0 Mailbox busy"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.False(outcome.Retryable);
        Assert.Equal(["lead@example.com"], Assert.Single(smtp.Messages).To);
    }

    [Fact]
    public async Task Send_550ToMailFrom_Fail()
    {
        await using var smtp = new SmtpListener(new Reply("MAIL", "550 5.7.1 Sender rejected"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.False(outcome.Retryable);
        Assert.StartsWith("550 ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServiceNotAvailableGreeting_Retry()
    {
        await using var smtp = new SmtpListener(new Reply("CONNECT", "421 4.3.2 Too busy, try later"));

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts());

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Retryable, outcome.Error);
    }

    [Fact]
    public async Task Send_ServerNeverAnswers_RetryAfterTheTimeout()
    {
        await using var smtp = new SmtpListener { Hang = true };

        var outcome = await Send(smtp, ChannelTestData.TwoAlerts(), TimeSpan.FromMilliseconds(300));

        Assert.Equal(DeliveryOutcome.Retry($"SMTP server 127.0.0.1:{smtp.Port} did not finish within 00:00:00.3000000"), outcome);
    }

    [Fact]
    public async Task Send_ConnectionRefused_Retry()
    {
        var receiver = Receiver("127.0.0.1", FreeTcpPort.Next());

        var outcome = await _host[ReceiverKind.Email].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Retryable, outcome.Error);
    }

    [Fact]
    public async Task Send_NoHostOrRecipients_FailWithoutConnecting()
    {
        var noHost = Receiver("", 25);
        var noOne = Receiver("127.0.0.1", 25);
        noOne.To.Clear();

        Assert.Equal(DeliveryOutcome.Fail("Receiver 'mail' needs SmtpHost, a valid SmtpPort and at least one To address."), await _host[ReceiverKind.Email].SendAsync(noHost, ChannelTestData.TwoAlerts(), CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Fail("Receiver 'mail' needs SmtpHost, a valid SmtpPort and at least one To address."), await _host[ReceiverKind.Email].SendAsync(noOne, ChannelTestData.TwoAlerts(), CancellationToken.None));
    }

    [Fact]
    public async Task Send_MalformedAddress_Fail()
    {
        await using var smtp = new SmtpListener();
        var receiver = Receiver(smtp.Host, smtp.Port);
        receiver.To = ["not an address"];

        var outcome = await _host[ReceiverKind.Email].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.False(outcome.Retryable);
        Assert.StartsWith("Receiver 'mail' has a malformed From or To address: ", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Commands);
    }

    private static ReceiverOptions Receiver(string host, int port, TimeSpan? timeout = null) => new()
    {
        Name = "mail",
        Kind = ReceiverKind.Email,
        SmtpHost = host,
        SmtpPort = port,
        From = "cockpit@example.com",
        To = ["oncall@example.com", "lead@example.com"],
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    private Task<DeliveryOutcome> Send(SmtpListener smtp, Cockpit.Alerting.Notifications.Notification notification, TimeSpan? timeout = null) =>
        _host[ReceiverKind.Email].SendAsync(Receiver(smtp.Host, smtp.Port, timeout), notification, CancellationToken.None);
}
