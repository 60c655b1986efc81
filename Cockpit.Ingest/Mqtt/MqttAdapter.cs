using System.Buffers;
using Cockpit.Ingest.Resilience;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace Cockpit.Ingest.Mqtt;

/// <summary>
/// Subscribes to the configured topics with QoS 1 and writes every message's payload through the
/// <see cref="IngestWriter"/>. A message is acknowledged only once its points are queued, so a message lost to a
/// crash is delivered again by the broker; a full ingest queue holds the acknowledgement back, which throttles the
/// broker (it sends at most <see cref="ReceiveMaximum"/> unacknowledged messages). A lost or refused connection is
/// retried with exponential backoff for as long as Cockpit runs.
/// </summary>
internal sealed partial class MqttAdapter(
    IngestWriter writer,
    IOptions<MqttOptions> options,
    MqttStatus status,
    TimeProvider timeProvider,
    ILogger<MqttAdapter> logger) : BackgroundService
{
    /// <summary>
    /// Most QoS 1 messages the broker may have in flight to us. Messages are written one at a time, in order, so more
    /// would only pile up in the client's memory while the ingest queue is full.
    /// </summary>
    internal const ushort ReceiveMaximum = 100;

    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(5);

    private TaskCompletionSource<MqttClientDisconnectedEventArgs> _connectionLost = NewConnectionLost();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = new WriteRequest(settings.SourceName, settings.PayloadFormat, settings.Precision);
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e => WriteMessageAsync(e, request, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            status.RecordDisconnected();
            Volatile.Read(ref _connectionLost).TrySetResult(e);
            return Task.CompletedTask;
        };

        LogStarting(settings.Host, settings.Port, settings.ClientId, string.Join(", ", settings.Topics));
        var failures = 0;
        var everConnected = false;
        try
        {
            while (true)
            {
                var connectionLost = NewConnectionLost();
                Volatile.Write(ref _connectionLost, connectionLost);
                try
                {
                    var sessionPresent = await ConnectAndSubscribeAsync(client, settings, stoppingToken).ConfigureAwait(false);
                    status.RecordConnected(reconnect: everConnected);
                    LogConnected(settings.Host, settings.Port, sessionPresent, settings.Topics.Count);
                    everConnected = true;
                    var connectedAt = timeProvider.GetUtcNow();

                    var lost = await connectionLost.Task.WaitAsync(stoppingToken).ConfigureAwait(false);

                    // Again here: a connection that dropped between subscribing and being recorded as connected
                    // told the status before it said "connected".
                    status.RecordDisconnected();
                    if (timeProvider.GetUtcNow() - connectedAt >= settings.MaxBackoff)
                    {
                        // Only a connection that held for a while resets the backoff: a broker that accepts and
                        // at once drops us (another client with our id, say) must not be hit every MinBackoff.
                        failures = 0;
                    }

                    var reason = lost.Exception?.Message ?? lost.ReasonString ?? lost.Reason.ToString();
                    status.RecordError($"Connection to {settings.Host}:{settings.Port} lost: {reason}", timeProvider.GetUtcNow());
                    LogConnectionLost(settings.Host, settings.Port, reason);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    status.RecordDisconnected();
                    status.RecordError($"Connecting to {settings.Host}:{settings.Port} failed: {ex.Message}", timeProvider.GetUtcNow());
                    LogConnectFailed(settings.Host, settings.Port, ex.Message, ex);

                    // A subscribe that failed after a successful connect leaves the client connected, and a connected
                    // client refuses to connect again.
                    await TryDisconnectAsync(client).ConfigureAwait(false);
                }

                var delay = RetryBackoff.Delay(failures++, settings.MinBackoff, settings.MaxBackoff, Random.Shared.NextDouble());
                LogRetrying(delay);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown; a connect or subscribe cut short by it may end in any exception.
        }
        finally
        {
            status.RecordDisconnected();
            await TryDisconnectAsync(client).ConfigureAwait(false);
            LogStopped();
        }
    }

    private static TaskCompletionSource<MqttClientDisconnectedEventArgs> NewConnectionLost() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static ReadOnlyMemory<byte> ToMemory(in ReadOnlySequence<byte> payload) =>
        payload.IsSingleSegment ? payload.First : payload.ToArray();

    private static async Task<bool> ConnectAndSubscribeAsync(IMqttClient client, MqttOptions settings, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithTimeout(settings.ConnectTimeout)
            .WithReceiveMaximum(ReceiveMaximum)

            // A persistent session (clean start off, kept for SessionExpiry): the broker keeps our subscriptions and
            // queues QoS 1 messages while we are disconnected or restarting, and redelivers the ones we had not yet
            // acknowledged, so nothing a sender published at QoS 1 is lost to a Cockpit restart shorter than the expiry.
            // The price is duplicates after a crash (at-least-once), which the writer accepts like any re-sent write.
            .WithCleanStart(settings.SessionExpiry == TimeSpan.Zero)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder.WithCredentials(settings.Username, settings.Password);
        }

        var connected = await client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);

        // Subscribe even when the broker kept our session: it may have expired or been lost with a broker restart
        // without persistence, and the configured topics may have changed since the session was made.
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in settings.Topics)
        {
            subscribe.WithTopicFilter(new MqttTopicFilterBuilder()
                .WithTopic(topic)
                .WithAtLeastOnceQoS()

                // Retained messages only for a new subscription: re-sending them on every reconnect would write
                // the same points again and again.
                .WithRetainHandling(MqttRetainHandling.SendAtSubscribeIfNewSubscriptionOnly)
                .Build());
        }

        var subscribed = await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        var refused = subscribed.Items
            .Where(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            .Select(item => $"{item.TopicFilter.Topic} ({item.ResultCode})")
            .ToList();
        if (refused.Count > 0)
        {
            // Mostly an ACL or a filter the broker does not support: retrying with backoff keeps it visible in the
            // status and picks it up once the broker's configuration is fixed.
            throw new InvalidOperationException($"The broker refused the subscription to {string.Join(", ", refused)}.");
        }

        return connected.IsSessionPresent;
    }

    private async Task WriteMessageAsync(MqttApplicationMessageReceivedEventArgs e, WriteRequest request, CancellationToken stoppingToken)
    {
        status.RecordReceived(timeProvider.GetUtcNow());
        var topic = e.ApplicationMessage.Topic;
        try
        {
            // Awaited before returning: the client acknowledges the message when this handler completes, and only
            // then may the broker forget it.
            var result = await writer.WriteAsync(ToMemory(e.ApplicationMessage.Payload), request, stoppingToken).ConfigureAwait(false);
            status.RecordWritten(result);
            if (result.LinesRejected > 0)
            {
                var error = result.FirstError?.ToString() ?? "rejected";
                status.RecordBadMessage($"Message on {topic}: {error}", timeProvider.GetUtcNow());
                LogMessageRejected(topic, result.LinesRejected, result.LinesAccepted, error);
            }
            else if (result.TooLarge)
            {
                // The writer waits for room, so only a message bigger than one log record ends here; redelivering it
                // would never succeed, hence acknowledged and counted like a bad message.
                status.RecordBadMessage($"Message on {topic}: larger than one ingest log record (Cockpit:Log:SegmentBytes)", timeProvider.GetUtcNow());
                LogMessageTooLarge(topic, result.LinesRefused);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while waiting for room: the points were not queued, so the message stays unacknowledged and
            // the broker delivers it again to the next session.
            e.AutoAcknowledge = false;
        }
        catch (Exception ex)
        {
            // A message that makes the writer throw would do so on every redelivery: acknowledge it, count it, go on.
            status.RecordBadMessage($"Message on {topic}: {ex.Message}", timeProvider.GetUtcNow());
            LogMessageFailed(topic, ex);
        }
    }

    private async Task TryDisconnectAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        // The stopping token is already cancelled here; a graceful DISCONNECT gets a short budget of its own so that
        // a dead broker cannot hold up shutdown.
        using var timeout = new CancellationTokenSource(DisconnectTimeout, timeProvider);
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The connection is going away either way; the broker notices the closed socket.
            LogDisconnectFailed(ex.Message);
        }
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "MQTT adapter starting: broker {Host}:{Port}, client id {ClientId}, topics {Topics}")]
    private partial void LogStarting(string host, int port, string clientId, string topics);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} (session present: {SessionPresent}), subscribed to {TopicCount} topic filters")]
    private partial void LogConnected(string host, int port, bool sessionPresent, int topicCount);

    [LoggerMessage(EventId = 1152, Level = LogLevel.Warning, Message = "Connecting to MQTT broker {Host}:{Port} failed: {Reason}")]
    private partial void LogConnectFailed(string host, int port, string reason, Exception exception);

    [LoggerMessage(EventId = 1153, Level = LogLevel.Warning, Message = "Lost the connection to MQTT broker {Host}:{Port}: {Reason}")]
    private partial void LogConnectionLost(string host, int port, string reason);

    [LoggerMessage(EventId = 1154, Level = LogLevel.Information, Message = "Reconnecting to the MQTT broker in {Delay}")]
    private partial void LogRetrying(TimeSpan delay);

    [LoggerMessage(EventId = 1155, Level = LogLevel.Warning, Message = "MQTT message on {Topic}: {LinesRejected} lines rejected, {LinesAccepted} accepted; first error: {FirstError}")]
    private partial void LogMessageRejected(string topic, int linesRejected, int linesAccepted, string firstError);

    [LoggerMessage(EventId = 1156, Level = LogLevel.Warning, Message = "MQTT message on {Topic} has more points than the ingest queue holds; dropped {LinesRefused} lines")]
    private partial void LogMessageTooLarge(string topic, int linesRefused);

    [LoggerMessage(EventId = 1157, Level = LogLevel.Error, Message = "MQTT message on {Topic} could not be written")]
    private partial void LogMessageFailed(string topic, Exception exception);

    [LoggerMessage(EventId = 1158, Level = LogLevel.Debug, Message = "Disconnecting from the MQTT broker failed: {Reason}")]
    private partial void LogDisconnectFailed(string reason);

    [LoggerMessage(EventId = 1159, Level = LogLevel.Information, Message = "MQTT adapter stopped")]
    private partial void LogStopped();
}
