using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Alerting.Delivery;

public sealed class NotificationJsonTests
{
    [Fact]
    public void RoundTrip_KeepsEveryField()
    {
        var message = new Notification
        {
            Id = 12,
            Receiver = "wecom-front",
            GroupKey = """{route="frontline",receiver="wecom-front",level="1"}:{region="天河"}""",
            Status = "firing",
            Team = "前端",
            EscalationLevel = 1,
            GroupLabels = new Dictionary<string, string> { ["region"] = "天河" },
            CommonLabels = new Dictionary<string, string> { ["region"] = "天河", ["rule"] = "complaint-surge" },
            CommonAnnotations = new Dictionary<string, string> { ["summary"] = "投诉 <b>激增</b> \"quoted\"" },
            ExternalUrl = "http://cockpit.example:5000",
            GroupUrl = "http://cockpit.example:5000/alerts?filter=x",
            Alerts =
            [
                new NotifiedAlert
                {
                    Status = "resolved",
                    Labels = new Dictionary<string, string> { ["region"] = "天河" },
                    Annotations = new Dictionary<string, string> { ["summary"] = "*markdown* [link](x)" },
                    StartsAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)),
                    EndsAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, 123, TimeSpan.Zero),
                    GeneratorUrl = "http://cockpit.example:5000/alerts/7",
                    Fingerprint = "0123456789abcdef",
                    AlertId = 7,
                    Severity = AlertSeverity.Critical,
                    Summary = "*markdown* [link](x)",
                },
            ],
            CreatedAt = new DateTimeOffset(2026, 11, 24, 9, 0, 1, TimeSpan.Zero),
        };

        var json = NotificationJson.Serialize(message);
        var back = NotificationJson.Deserialize(json);

        Assert.Equal(json, NotificationJson.Serialize(back));
        Assert.Contains("\"Severity\":\"Critical\"", json, StringComparison.Ordinal);
        Assert.Equal((12L, "前端", 1, "firing"), (back.Id, back.Team, back.EscalationLevel, back.Status));
        Assert.Equal(message.CommonAnnotations, back.CommonAnnotations);
        var alert = Assert.Single(back.Alerts);
        Assert.Equal(message.Alerts[0].StartsAt, alert.StartsAt);
        Assert.Equal(TimeSpan.FromHours(8), alert.StartsAt.Offset);
        Assert.Equal(message.Alerts[0].EndsAt, alert.EndsAt);
        Assert.Equal((7L, AlertSeverity.Critical, "*markdown* [link](x)"), (alert.AlertId, alert.Severity, alert.Summary));
        Assert.Equal(message.CreatedAt, back.CreatedAt);
    }

    [Fact]
    public void Deserialize_MissingRequiredMember_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => NotificationJson.Deserialize("""{"Receiver":"x"}"""));
    }
}
