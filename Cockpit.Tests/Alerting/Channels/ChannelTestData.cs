using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The fixed notifications and receivers the channel tests send.</summary>
internal static class ChannelTestData
{
    /// <summary>A tag value that tries every trick: a javascript link, an HTML tag, bold, a backtick, a WeCom colour, a new line.</summary>
    public const string Nasty = "[x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code` <font color=\"info\">ok</font>\n# h";

    public const string ExternalUrl = "http://cockpit.example:5000";

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 10, 0, TimeSpan.Zero);

    /// <summary>Two alerts in 天河: a critical one firing (with the nasty tag) and a warning one resolved.</summary>
    public static Notification TwoAlerts() => new()
    {
        Id = 42,
        Receiver = "ops",
        GroupKey = "front-line/ops/{region=\"天河\",rule=\"complaint-surge\"}",
        Status = "firing",
        Team = "前端",
        GroupLabels = Map(("rule", "complaint-surge"), ("region", "天河")),
        CommonLabels = Map(("rule", "complaint-surge"), ("region", "天河"), ("alertname", "complaint-surge"), ("measurement", "complaints")),
        CommonAnnotations = Map(),
        ExternalUrl = ExternalUrl,
        GroupUrl = ExternalUrl + "/alerts?group=7f3a",
        CreatedAt = Now,
        Alerts =
        [
            new NotifiedAlert
            {
                Status = "firing",
                Labels = Map(("severity", "critical"), ("rule", "complaint-surge"), ("region", "天河"), ("queue", Nasty), ("alertname", "complaint-surge"), ("measurement", "complaints")),
                Annotations = Map(("summary", "投诉量 412/min in 天河"), ("value", "412"), ("expected", "120"), ("score", "0.93"), ("likely_cause", "光缆中断 <b>fibre cut</b>")),
                StartsAt = new DateTimeOffset(2026, 11, 24, 21, 5, 7, 250, TimeSpan.FromHours(8)),
                GeneratorUrl = ExternalUrl + "/alerts/17",
                Fingerprint = "a1b2c3d4e5f60718",
                AlertId = 17,
                Severity = AlertSeverity.Critical,
                Summary = "投诉量 412/min in 天河",
            },
            new NotifiedAlert
            {
                Status = "resolved",
                Labels = Map(("severity", "warning"), ("rule", "complaint-surge"), ("region", "天河"), ("alertname", "complaint-surge"), ("measurement", "complaints"), ("channel", "hotline")),
                Annotations = Map(("summary", "back to normal")),
                StartsAt = new DateTimeOffset(2026, 11, 24, 12, 40, 0, TimeSpan.Zero),
                EndsAt = new DateTimeOffset(2026, 11, 24, 13, 1, 30, TimeSpan.Zero),
                GeneratorUrl = ExternalUrl + "/alerts/16",
                Fingerprint = "0f1e2d3c4b5a6978",
                AlertId = 16,
                Severity = AlertSeverity.Warning,
                Summary = "back to normal",
            },
        ],
    };

    /// <summary><paramref name="count"/> firing alerts with Chinese labels and summaries, to overflow every platform's limit.</summary>
    public static Notification Many(int count) => TwoAlerts() with
    {
        Alerts = [.. Enumerable.Range(1, count).Select(i => new NotifiedAlert
        {
            Status = "firing",
            Labels = Map(("severity", "warning"), ("rule", "complaint-surge"), ("alertname", "complaint-surge"), ("region", "天河区第" + i + "营业厅"), ("queue", "宽带投诉")),
            Annotations = Map(("summary", "投诉量异常升高，第" + i + "个"), ("value", "99")),
            StartsAt = Now,
            GeneratorUrl = ExternalUrl + "/alerts/" + i,
            Fingerprint = i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            AlertId = i,
            Severity = AlertSeverity.Warning,
            Summary = "投诉量异常升高，第" + i + "个 <b>",
        })],
    };

    public static ReceiverOptions Receiver(ReceiverKind kind, Uri url, Action<ReceiverOptions>? configure = null)
    {
        var receiver = new ReceiverOptions { Name = "ops", Kind = kind, Url = url.AbsoluteUri, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(receiver);
        return receiver;
    }

    public static IReadOnlyDictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
