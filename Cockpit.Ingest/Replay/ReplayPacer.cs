using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Publishes a file's batches paced by their timestamps: the first at once, each next one when as much recorded time
/// has passed since the first as its timestamp says, divided by <see cref="Speed"/> (as fast as possible: back to
/// back). Points with one timestamp go out together. Runs on an <see cref="IScheduler"/> (virtual time in tests and
/// benchmarks) or on a <see cref="TimeProvider"/> with an awaited publish step (backpressure: a slow publish delays
/// what follows, and the replay catches up afterwards without dropping anything).
/// </summary>
public sealed class ReplayPacer
{
    /// <summary>Creates a pacer.</summary>
    /// <param name="speed">How fast recorded time passes.</param>
    /// <param name="loop">Start over at the end, moving timestamps on so that time keeps running forward.</param>
    /// <param name="shiftToNow">Move timestamps so that the first point is at the start of the run.</param>
    public ReplayPacer(ReplaySpeed speed, bool loop = false, bool shiftToNow = false)
    {
        Speed = speed;
        Loop = loop;
        ShiftToNow = shiftToNow;
    }

    /// <summary>How fast recorded time passes.</summary>
    public ReplaySpeed Speed { get; }

    /// <summary>Whether the replay starts over at the end (its rounds follow each other in time).</summary>
    public bool Loop { get; }

    /// <summary>Whether timestamps are moved so that the first point is at the start of the run.</summary>
    public bool ShiftToNow { get; }

    /// <summary>
    /// Emits the batches of <paramref name="open"/> on <paramref name="scheduler"/> at their paced instants, from
    /// the moment of subscription. <paramref name="open"/> is called once per round (every time when looping), and
    /// batches are read one at a time, just before they are due.
    /// </summary>
    public IObservable<ReplayBatch> Pace(Func<IEnumerable<ReplayBatch>> open, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<ReplayBatch>(observer =>
        {
            var timeline = new ReplayTimeline(this, open, scheduler.Now);
            var steps = scheduler.Schedule<ReplayBatch?>(null, scheduler.Now, (due, next) =>
            {
                if (due is not null)
                {
                    observer.OnNext(due);
                }

                ReplayBatch batch;
                DateTimeOffset at;
                try
                {
                    if (!timeline.TryNext(out batch, out at))
                    {
                        observer.OnCompleted();
                        return;
                    }
                }
                catch (Exception ex)
                {
                    observer.OnError(ex);
                    return;
                }

                next(batch, at);
            });
            return new CompositeDisposable(steps, timeline);
        });
    }

    /// <summary>
    /// Runs the replay on <paramref name="timeProvider"/>, awaiting <paramref name="publish"/> for each batch before
    /// reading the next; ends when the batches do (never when looping) or throws when cancelled.
    /// </summary>
    public async Task RunAsync(
        Func<IEnumerable<ReplayBatch>> open,
        Func<ReplayBatch, CancellationToken, ValueTask> publish,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(timeProvider);
        using var timeline = new ReplayTimeline(this, open, timeProvider.GetUtcNow());
        while (timeline.TryNext(out var batch, out var due))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = due - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            await publish(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
