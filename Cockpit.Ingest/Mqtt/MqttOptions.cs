using System.ComponentModel.DataAnnotations;
using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Mqtt;

/// <summary>The MQTT ingest adapter (<c>Cockpit:Mqtt</c>): which broker, which topics, how payloads are encoded.</summary>
public sealed class MqttOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Mqtt";

    /// <summary>Run the adapter at start-up.</summary>
    public bool Enabled { get; set; }

    /// <summary>Host name or address of the broker.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>TCP port of the broker.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Topic filters to subscribe to with QoS 1; <c>+</c> and <c>#</c> wildcards are allowed. No default here: the
    /// configuration binder appends to a list rather than replacing it, so a default would always stay subscribed.
    /// </summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>
    /// Client identifier; it names the broker-side session that keeps QoS 1 messages while Cockpit is away, so it must
    /// be stable across restarts and unique among the broker's clients (two clients with one id keep evicting each other).
    /// </summary>
    public string ClientId { get; set; } = "cockpit";

    /// <summary>User name, when the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>Password, when the broker requires one (needs <see cref="Username"/>).</summary>
    public string? Password { get; set; }

    /// <summary>How message payloads encode points.</summary>
    public PayloadFormat PayloadFormat { get; set; } = PayloadFormat.LineProtocol;

    /// <summary>The unit of the timestamps in the payloads.</summary>
    public TimePrecision Precision { get; set; } = TimePrecision.Nanoseconds;

    /// <summary>Recorded as the source of every point received.</summary>
    [Required]
    [MinLength(1)]
    public string SourceName { get; set; } = "mqtt";

    /// <summary>
    /// How long the broker keeps the session (subscriptions and queued QoS 1 messages) after the connection is lost.
    /// Zero starts a clean session on every connect: messages published while Cockpit was away are then lost.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "49710.06:28:15")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest wait for the broker to answer a connect or subscribe.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the first reconnect attempt; it doubles on every failed attempt up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
