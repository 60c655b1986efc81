using System.Reactive.Concurrency;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>
/// A channel that records every attempt with its virtual time and answers from a per-receiver script (then
/// <see cref="Default"/>). An answer of null never completes: the receiver hangs.
/// </summary>
public sealed class RecordingChannel(ReceiverKind kind, IScheduler scheduler) : INotificationChannel
{
    private readonly Dictionary<string, Queue<DeliveryOutcome?>> _scripts = new(StringComparer.Ordinal);
    private readonly List<Attempt> _attempts = [];

    public ReceiverKind Kind { get; } = kind;

    /// <summary>What every attempt gets once a receiver's script is used up.</summary>
    public Func<string, DeliveryOutcome?> Default { get; set; } = _ => DeliveryOutcome.Ok;

    public IReadOnlyList<Attempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>The attempts that were delivered.</summary>
    public IReadOnlyList<Attempt> Delivered => [.. Attempts.Where(a => a.Outcome?.Delivered == true)];

    public void Script(string receiver, params DeliveryOutcome?[] outcomes) => _scripts[receiver] = new Queue<DeliveryOutcome?>(outcomes);

    public Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        var outcome = _scripts.TryGetValue(receiver.Name, out var script) && script.Count > 0 ? script.Dequeue() : Default(receiver.Name);
        lock (_attempts)
        {
            _attempts.Add(new Attempt(receiver.Name, notification, scheduler.Now, outcome));
        }

        return outcome is null ? HangAsync(cancellationToken) : Task.FromResult(outcome);
    }

    private static async Task<DeliveryOutcome> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return DeliveryOutcome.Ok;
    }

    public sealed record Attempt(string Receiver, Notification Notification, DateTimeOffset At, DeliveryOutcome? Outcome);
}
