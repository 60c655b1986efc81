using Cockpit.Ingest.Mqtt;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Mqtt;

public sealed class MqttStatusTests
{
    [Fact]
    public void New_NothingHappened_AllZeroAndNoError()
    {
        var status = new MqttStatus();

        Assert.False(status.Connected);
        Assert.Equal(0, status.MessagesReceived + status.LinesAccepted + status.PointsAccepted + status.LinesRejected + status.BadMessages + status.Reconnects);
        Assert.Null(status.LastError);
        Assert.Null(status.LastErrorAt);
        Assert.Null(status.LastMessageAt);
    }

    [Fact]
    public void RecordReceived_TwoMessages_CountsBothAndKeepsTheLastTime()
    {
        var status = new MqttStatus();

        status.RecordReceived(Points.Monday);
        status.RecordReceived(Points.Monday.AddSeconds(3));

        Assert.Equal(2, status.MessagesReceived);
        Assert.Equal(Points.Monday.AddSeconds(3), status.LastMessageAt);
    }

    [Fact]
    public void RecordWritten_PartialWrite_AddsEveryCount()
    {
        var status = new MqttStatus();

        status.RecordWritten(new WriteResult(LinesAccepted: 3, PointsAccepted: 5, LinesRejected: 1, new WriteError(2, "bad"), QueueFull: false));
        status.RecordWritten(new WriteResult(LinesAccepted: 2, PointsAccepted: 2, LinesRejected: 0, null, QueueFull: false));

        Assert.Equal(5, status.LinesAccepted);
        Assert.Equal(7, status.PointsAccepted);
        Assert.Equal(1, status.LinesRejected);
    }

    [Fact]
    public void RecordBadMessage_Twice_CountsBothAndKeepsTheLastError()
    {
        var status = new MqttStatus();

        status.RecordBadMessage("first", Points.Monday);
        status.RecordBadMessage("second", Points.Monday.AddMinutes(1));

        Assert.Equal(2, status.BadMessages);
        Assert.Equal("second", status.LastError);
        Assert.Equal(Points.Monday.AddMinutes(1), status.LastErrorAt);
    }

    [Fact]
    public void RecordConnected_FirstThenReconnects_CountsOnlyReconnects()
    {
        var status = new MqttStatus();

        status.RecordConnected(reconnect: false);
        status.RecordDisconnected();
        Assert.False(status.Connected);
        status.RecordConnected(reconnect: true);

        Assert.True(status.Connected);
        Assert.Equal(1, status.Reconnects);
    }
}
