using System.Reactive.Subjects;
using Cockpit.Detection.Reactive;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Reactive;

public sealed class CoalesceExtensionsTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly TestScheduler _scheduler = new();
    private readonly Subject<int> _changes = new();
    private readonly List<double> _emittedAt = [];
    private readonly IDisposable _subscription;

    public CoalesceExtensionsTests()
    {
        _subscription = _changes.Coalesce(Second, _scheduler).Subscribe(_ => _emittedAt.Add(TimeSpan.FromTicks(_scheduler.Clock).TotalSeconds));
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _changes.Dispose();
    }

    private void ChangeAt(double seconds)
    {
        _scheduler.AdvanceTo(TimeSpan.FromSeconds(seconds).Ticks);
        _changes.OnNext(0);
    }

    [Fact]
    public void OneChange_IsPushedAtOnceOnTheScheduler_NotOnTheProducersThread()
    {
        ChangeAt(3);
        Assert.Empty(_emittedAt); // nothing ran on the producer's call

        _scheduler.AdvanceBy(0);
        _scheduler.Start();

        Assert.Equal([3.0], _emittedAt);
    }

    [Fact]
    public void Burst_PushedAtOnceAndOnceMoreAtTheEndOfTheInterval()
    {
        for (var t = 0.0; t <= 0.5; t += 0.1)
        {
            ChangeAt(t);
        }

        _scheduler.AdvanceTo(TimeSpan.FromSeconds(10).Ticks);

        Assert.Equal([0.0, 1.0], _emittedAt);
    }

    [Fact]
    public void SteadyStream_AtMostOncePerInterval_ThenImmediateAgainAfterAQuietSpell()
    {
        for (var t = 0.0; t < 3.05; t += 0.1)
        {
            ChangeAt(Math.Round(t, 1));
        }

        _scheduler.AdvanceTo(TimeSpan.FromSeconds(6).Ticks);
        ChangeAt(7.25);
        _scheduler.AdvanceTo(TimeSpan.FromSeconds(20).Ticks);

        Assert.Equal([0.0, 1.0, 2.0, 3.0, 4.0, 7.25], _emittedAt);
    }

    [Fact]
    public void NoChanges_NothingIsPushed()
    {
        _scheduler.AdvanceTo(TimeSpan.FromSeconds(60).Ticks);

        Assert.Empty(_emittedAt);
    }
}
