using System.Reactive.Concurrency;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;

namespace Cockpit.Alerting;

/// <summary>What <c>/healthz</c> shows about alerting: open alerts by state and mark, active silences, and delivery.</summary>
public sealed class AlertingHealth(IAlertBook book, ISilenceBook silences, NotificationStatus notifications, IScheduler scheduler)
{
    public object Snapshot()
    {
        var alerts = book.Snapshot();
        var now = scheduler.Now;
        return new
        {
            alerts = new
            {
                pending = alerts.Count(a => a.Status == AlertStatus.Pending),
                firing = alerts.Count(a => a.Status == AlertStatus.Firing),
                acknowledged = alerts.Count(a => a.Status == AlertStatus.Acknowledged),
                flapping = alerts.Count(a => a.IsOpen && a.Flapping),
                silenced = alerts.Count(a => a.IsOpen && a.Silenced),
                inhibited = alerts.Count(a => a.IsOpen && a.InhibitedBy is not null),
            },
            silences = new
            {
                active = silences.List().Count(s => s.StateAt(now) == SilenceState.Active),
                pending = silences.List().Count(s => s.StateAt(now) == SilenceState.Pending),
            },
            notifications = new
            {
                queued = notifications.Queued,
                pending = notifications.Pending,
                delivered = notifications.Delivered,
                retries = notifications.Retries,
                failed = notifications.Failed,
                rateLimitedWaits = notifications.RateLimitedWaits,
                unrouted = notifications.UnroutedAlerts,
                lastErrors = notifications.LastErrors.ToDictionary(e => e.Key, e => new { error = e.Value.Error, at = e.Value.At }),
            },
        };
    }
}
