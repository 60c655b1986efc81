using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Ingest.Bus;

public sealed class IngestBusTests
{
    private static IngestBus Bus(int capacity) => new(Options.Create(new IngestBusOptions { Capacity = capacity }));

    private static MetricPoint[] Batch(int size) =>
        Enumerable.Range(0, size).Select(i => Points.Count("tianhe", i, Points.Monday.AddMinutes(i))).ToArray();

    [Fact]
    public void TryPublish_BatchFits_AcceptedAndQueued()
    {
        using var bus = Bus(1000);

        Assert.True(bus.TryPublish(Batch(600)));
        Assert.Equal(600, bus.Queued);
        Assert.Equal(600, bus.Accepted);
    }

    [Fact]
    public void TryPublish_BatchDoesNotFit_RefusedWholeAndNothingQueued()
    {
        using var bus = Bus(1000);
        Assert.True(bus.TryPublish(Batch(600)));

        Assert.False(bus.TryPublish(Batch(500)));

        Assert.Equal(600, bus.Queued);
        Assert.Equal(500, bus.Refused);
        Assert.True(bus.Reader.TryRead(out var first));
        Assert.Equal(600, first.Count);
        Assert.False(bus.Reader.TryRead(out _));
    }

    [Fact]
    public async Task PublishAsync_BatchLargerThanTheBus_GoesInOrderedSlicesEachWaitingForRoom()
    {
        using var bus = Bus(1000);

        var pending = bus.PublishAsync(Batch(2500), CancellationToken.None).AsTask();
        var values = new List<double>();
        var sizes = new List<int>();
        while (sizes.Sum() < 2500)
        {
            Assert.True(await bus.Reader.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(bus.Reader.TryRead(out var slice));
            Assert.True(bus.Queued <= bus.Capacity);
            sizes.Add(slice.Count);
            values.AddRange(slice.Points.ToArray().Select(p => p.Value));
            bus.Release(slice.Count);
        }

        await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1000, 1000, 500], sizes);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (double)i), values);
    }

    [Fact]
    public async Task PublishAsync_Full_WaitsUntilDispatcherReleases()
    {
        using var bus = Bus(1000);
        Assert.True(bus.TryPublish(Batch(900)));

        var pending = bus.PublishAsync(Batch(200), CancellationToken.None).AsTask();
        await Task.Yield();
        Assert.False(pending.IsCompleted);

        Assert.True(bus.Reader.TryRead(out var batch));
        bus.Release(batch.Count);
        await pending.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(200, bus.Queued);
    }

    [Fact]
    public void Publish_Subscribed_ObserverSeesPoints()
    {
        using var bus = Bus(1000);
        var seen = new List<MetricPoint>();
        using var subscription = bus.Points.Subscribe(seen.Add);
        var batch = Batch(3);

        foreach (var point in batch)
        {
            bus.Publish(point);
        }

        Assert.Equal(batch, seen);
    }
}
