using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Alerts;

namespace Cockpit.Tests.Web.Alerts;

public sealed class AlertOrderTests
{
    private static AlertRecord Alert(long id, AlertStatus status, int startMinute, int changedMinute, int? endMinute = null) => new()
    {
        Id = id,
        Fingerprint = "r{id=" + id + "}",
        Rule = "r",
        Measurement = "m",
        Tags = new Dictionary<string, string>(),
        Severity = AlertSeverity.Warning,
        Status = status,
        Summary = "s",
        StartsAt = Points.Monday.AddMinutes(startMinute),
        UpdatedAt = Points.Monday.AddMinutes(changedMinute),
        ChangedAt = Points.Monday.AddMinutes(changedMinute),
        EndsAt = endMinute is { } end ? Points.Monday.AddMinutes(end) : null,
    };

    [Fact]
    public void ForList_OpenByNewestStart_ThenResolvedByLatestChange()
    {
        AlertRecord[] alerts =
        [
            Alert(1, AlertStatus.Resolved, 0, changedMinute: 50, endMinute: 30), // recovered: data time 30, clock 50 (data lags)
            Alert(2, AlertStatus.Firing, 5, changedMinute: 90),
            Alert(3, AlertStatus.Resolved, 1, changedMinute: 40, endMinute: 40), // resolved by hand at 40
            Alert(4, AlertStatus.Pending, 30, changedMinute: 31),
            Alert(5, AlertStatus.Acknowledged, 20, changedMinute: 21),
            Alert(6, AlertStatus.Firing, 20, changedMinute: 22),
        ];

        Assert.Equal([4L, 6, 5, 2, 1, 3], AlertOrder.ForList(alerts).Select(a => a.Id));
    }
}
