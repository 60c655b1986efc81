using Cockpit.Ingest.Model;
using Cockpit.Ingest.Replay;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class ReplayPacerTests
{
    private static readonly DateTimeOffset Recorded = new(2014, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SubscribedAt = TimeSpan.FromSeconds(100);

    private readonly TestScheduler _scheduler = new();

    /// <summary>One batch per offset (minutes after <see cref="Recorded"/>), with one point per batch.</summary>
    private static Func<IEnumerable<ReplayBatch>> File(params double[] minutes) =>
        () => minutes.Select(m => Batch(Recorded.AddMinutes(m), m));

    private static ReplayBatch Batch(DateTimeOffset time, double value, int points = 1) =>
        new(UnixTime.ToNanos(time), Enumerable.Range(0, points).Select(i => Points.Count("tianhe", value, time, $"c{i}")).ToArray());

    /// <summary>Subscribes at <see cref="SubscribedAt"/> and records when (virtual time since then) each batch came.</summary>
    private List<(TimeSpan At, ReplayBatch Batch)> Record(ReplayPacer pacer, Func<IEnumerable<ReplayBatch>> open, Action? onCompleted = null)
    {
        var received = new List<(TimeSpan, ReplayBatch)>();
        _scheduler.AdvanceTo(SubscribedAt.Ticks);
        pacer.Pace(open, _scheduler).Subscribe(b => received.Add((TimeSpan.FromTicks(_scheduler.Clock) - SubscribedAt, b)), () => onCompleted?.Invoke());
        return received;
    }

    [Fact]
    public void Pace_RealTime_EachBatchAtItsRecordedOffset()
    {
        var completed = false;
        var received = Record(new ReplayPacer(ReplaySpeed.RealTime), File(0, 5, 12), () => completed = true);

        _scheduler.Advance(TimeSpan.FromMinutes(4));
        Assert.Single(received);
        _scheduler.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(12)], received.Select(r => r.At));
        Assert.Equal([0.0, 5, 12], received.Select(r => r.Batch.Points[0].Value));
        Assert.Equal(UnixTime.ToNanos(Recorded.AddMinutes(5)), received[1].Batch.Points[0].TimestampNs);
        Assert.True(completed);
    }

    [Fact]
    public void Pace_SixtyTimesFaster_GapsDividedBySixty()
    {
        var received = Record(new ReplayPacer(ReplaySpeed.Times(60)), File(0, 5, 12, 12.5));

        _scheduler.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(12.5)],
            received.Select(r => r.At));
    }

    [Fact]
    public void Pace_AsFastAsPossible_EverythingWithoutAdvancingTime()
    {
        var completed = false;
        var received = Record(new ReplayPacer(ReplaySpeed.AsFastAsPossible), File(0, 5, 60, 24 * 60), () => completed = true);

        _scheduler.Start();

        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.Equal(TimeSpan.Zero, r.At));
        Assert.Equal(SubscribedAt.Ticks, _scheduler.Clock);
        Assert.True(completed);
    }

    [Fact]
    public void Pace_SameTimestampPoints_ArriveInOneBatchTogether()
    {
        var received = Record(new ReplayPacer(ReplaySpeed.RealTime), () => [Batch(Recorded, 1, points: 3), Batch(Recorded.AddMinutes(1), 2, points: 2)]);

        _scheduler.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal([3, 2], received.Select(r => r.Batch.Points.Length));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(1)], received.Select(r => r.At));
    }

    [Fact]
    public void Pace_Loop_RoundsFollowOnInTimeWithTimestampsMovedOn()
    {
        var opened = 0;
        var received = Record(new ReplayPacer(ReplaySpeed.RealTime, loop: true), () =>
        {
            opened++;
            return File(0, 5, 10)();
        });

        _scheduler.Advance(TimeSpan.FromMinutes(40));

        // The file spans 10 minutes with 5-minute gaps, so each round starts 15 minutes after the one before.
        Assert.Equal([0.0, 5, 10, 15, 20, 25, 30, 35, 40], received.Select(r => r.At.TotalMinutes));
        Assert.Equal(
            received.Select(r => UnixTime.ToNanos(Recorded + r.At)),
            received.Select(r => r.Batch.Points[0].TimestampNs));
        Assert.Equal([0.0, 5, 10, 0, 5, 10, 0, 5, 10], received.Select(r => r.Batch.Points[0].Value));
        // Three rounds replayed; the fourth is open, its first batch read and waiting for minute 45.
        Assert.Equal(4, opened);
    }

    [Fact]
    public void Pace_LoopOverEmptyFile_CompletesInsteadOfSpinning()
    {
        var completed = false;
        var received = Record(new ReplayPacer(ReplaySpeed.AsFastAsPossible, loop: true), File(), () => completed = true);

        _scheduler.Start();

        Assert.Empty(received);
        Assert.True(completed);
    }

    [Fact]
    public void Pace_ShiftToNow_FirstPointAtSubscriptionTimeGapsKept()
    {
        _scheduler.AdvanceTo(Points.Monday.UtcTicks);
        var received = new List<ReplayBatch>();
        new ReplayPacer(ReplaySpeed.Times(60), shiftToNow: true).Pace(File(0, 5), _scheduler).Subscribe(received.Add);

        _scheduler.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([UnixTime.ToNanos(Points.Monday), UnixTime.ToNanos(Points.Monday.AddMinutes(5))], received.Select(b => b.TimestampNs));
        Assert.Equal(received.Select(b => b.TimestampNs), received.Select(b => b.Points[0].TimestampNs));
    }

    [Fact]
    public void Pace_OlderBatchAfterNewer_DueAtOnceTimeNeverGoesBack()
    {
        var received = Record(new ReplayPacer(ReplaySpeed.RealTime), File(0, 10, 4, 12));

        _scheduler.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal([0.0, 10, 10, 12], received.Select(r => r.At.TotalMinutes));
        Assert.Equal([0.0, 10, 4, 12], received.Select(r => r.Batch.Points[0].Value));
    }

    [Fact]
    public void Pace_ReadFails_ErrorAfterWhatWasRead()
    {
        static IEnumerable<ReplayBatch> Failing()
        {
            yield return Batch(Recorded, 1);
            throw new IOException("disk gone");
        }

        Exception? error = null;
        var received = new List<ReplayBatch>();
        new ReplayPacer(ReplaySpeed.AsFastAsPossible).Pace(Failing, _scheduler).Subscribe(received.Add, e => error = e);

        _scheduler.Start();

        Assert.Single(received);
        Assert.IsType<IOException>(error);
    }

    [Fact]
    public void Pace_Unsubscribed_NoMoreBatchesAndReaderDisposed()
    {
        var disposed = false;
        IEnumerable<ReplayBatch> Reading()
        {
            try
            {
                foreach (var batch in File(0, 5, 10)())
                {
                    yield return batch;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var received = new List<ReplayBatch>();
        using (new ReplayPacer(ReplaySpeed.RealTime).Pace(Reading, _scheduler).Subscribe(received.Add))
        {
            _scheduler.Advance(TimeSpan.FromMinutes(6));
        }

        _scheduler.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(2, received.Count);
        Assert.True(disposed);
    }

    [Fact]
    public async Task RunAsync_FakeTimeProvider_PublishesWhenDueAndAwaitsEachPublish()
    {
        var time = new FakeTimeProvider(Points.Monday);
        var published = new List<(TimeSpan At, double Value)>();
        var signal = new SemaphoreSlim(0);
        var run = new ReplayPacer(ReplaySpeed.Times(2)).RunAsync(
            File(0, 10, 10.5),
            (batch, _) =>
            {
                lock (published)
                {
                    published.Add((time.GetUtcNow() - Points.Monday, batch.Points[0].Value));
                }

                signal.Release();
                return ValueTask.CompletedTask;
            },
            time,
            CancellationToken.None);

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Single(published);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(15));
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(TimeSpan.Zero, 0.0), (TimeSpan.FromMinutes(5), 10), (TimeSpan.FromMinutes(5.25), 10.5)], published);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        var time = new FakeTimeProvider(Points.Monday);
        var run = new ReplayPacer(ReplaySpeed.RealTime).RunAsync(File(0, 5), (_, _) => ValueTask.CompletedTask, time, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
