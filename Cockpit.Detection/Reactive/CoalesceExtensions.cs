using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Cockpit.Detection.Reactive;

/// <summary>Pushes "something changed" to screens: at once when they are idle, at most once per interval under load.</summary>
public static class CoalesceExtensions
{
    /// <summary>
    /// Emits on <paramref name="scheduler"/> as soon as the first change after a quiet interval arrives (leading edge, so
    /// a new alert reaches a screen in milliseconds, not after a sampling tick), then at most once per
    /// <paramref name="interval"/> while changes keep coming, with a last emission for changes inside the final
    /// interval (trailing edge, so nothing is left unshown). Emissions never overlap and never run on the thread that
    /// produced the change (often the ingest or alert writer's thread).
    /// </summary>
    public static IObservable<Unit> Coalesce<T>(this IObservable<T> source, TimeSpan interval, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<Unit>(observer =>
        {
            var gate = new Lock();
            var windowOpen = false;
            var pending = false;
            var timer = new SerialDisposable();

            void Emit()
            {
                observer.OnNext(Unit.Default);
                lock (gate)
                {
                    timer.Disposable = scheduler.Schedule(interval, CloseWindow);
                }
            }

            void CloseWindow()
            {
                lock (gate)
                {
                    if (!pending)
                    {
                        windowOpen = false;
                        return;
                    }

                    pending = false;
                }

                Emit();
            }

            var subscription = source.Subscribe(
                _ =>
                {
                    lock (gate)
                    {
                        if (windowOpen)
                        {
                            pending = true;
                            return;
                        }

                        windowOpen = true;
                        timer.Disposable = scheduler.Schedule(Emit);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
            return new CompositeDisposable(subscription, timer);
        });
    }
}
