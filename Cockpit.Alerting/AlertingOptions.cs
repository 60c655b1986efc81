using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.Text;

namespace Cockpit.Alerting;

/// <summary>Alerting settings (<c>Cockpit:Alerting</c>). Every key is documented in README's configuration table.</summary>
public sealed class AlertingOptions
{
    public const string SectionName = "Cockpit:Alerting";

    /// <summary>Cockpit's address as people reach it; every message links back to <c>{ExternalUrl}/alerts/{id}</c>.</summary>
    public string ExternalUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The language notifications are written in, <c>zh-CN</c> or <c>en</c>; a receiver's <see cref="ReceiverOptions.Language"/>
    /// overrides it. Chinese by default: the people in the chat groups are the Guangzhou centre's staff, and a chat
    /// group has no browser language to follow (the UI follows each viewer's).
    /// </summary>
    public string Language { get; set; } = "zh-CN";

    /// <summary>The SQLite file's name inside <c>Cockpit:DataDir</c>.</summary>
    public string DatabaseFile { get; set; } = "alerts.db";

    /// <summary>Where notifications can go.</summary>
    public List<ReceiverOptions> Receivers { get; set; } = [];

    /// <summary>Which alerts go to which receivers, first match wins (unless Continue); none: every alert to every receiver.</summary>
    public List<RouteOptions> Routes { get; set; } = [];

    /// <summary>Alerts that mute others while both are active (e.g. an outage mutes the complaint surge it causes).</summary>
    public List<InhibitRuleOptions> InhibitRules { get; set; } = [];

    /// <summary>Default grouping and timers; a route may override each.</summary>
    public GroupingOptions Grouping { get; set; } = new();

    /// <summary>When an alert counts as flapping.</summary>
    public FlappingOptions Flapping { get; set; } = new();

    /// <summary>Retries and backoff of deliveries.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>
    /// After a restart, detection starts afresh and does not know which alerts it had fired. An alert still open from
    /// before is resolved ("not confirmed after restart") unless its rule fires it again within this time.
    /// </summary>
    public TimeSpan RestartGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Resolved alerts, their history and notes, expired silences and delivered messages older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Shortest time between two pushes of alert changes to one screen. A change after a quiet spell is pushed at once;
    /// this only batches bursts. Shorter than the charts' <c>Detection:UiThrottle</c>: alerts are rare and urgent.
    /// </summary>
    public TimeSpan UiPushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Resolved alerts kept in memory for the inbox and the wall (older ones are read from the database).</summary>
    public int RecentResolved { get; set; } = 500;

    /// <summary>The language messages to <paramref name="receiver"/> are written in (<c>zh-CN</c> or <c>en</c>, as spelt here): its own, else <see cref="Language"/>.</summary>
    public string LanguageOf(string receiver) => MessageWords.For(
        Receivers.FirstOrDefault(r => string.Equals(r.Name, receiver, StringComparison.OrdinalIgnoreCase))?.Language is { Length: > 0 } own ? own : Language).Language;
}

/// <summary>How alerts are grouped into messages and how often a group is re-sent (<c>Cockpit:Alerting:Grouping</c>).</summary>
public sealed class GroupingOptions
{
    /// <summary>What <see cref="GroupBy"/> means when it is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultGroupBy = ["rule", "region"];

    /// <summary>
    /// Alerts with the same values of these labels go into one message; empty means <see cref="DefaultGroupBy"/>.
    /// Empty by default because configuration binding adds to a list instead of replacing it: a default of
    /// rule+region here would turn a configured <c>["region"]</c> into rule+region+region.
    /// </summary>
    public List<string> GroupBy { get; set; } = [];

    /// <summary>The labels groups are made by: <see cref="GroupBy"/>, or <see cref="DefaultGroupBy"/> when it is empty.</summary>
    public IReadOnlyList<string> EffectiveGroupBy => GroupBy.Count == 0 ? DefaultGroupBy : [.. GroupBy.Distinct(StringComparer.Ordinal)];

    /// <summary>How long a new group waits before its first message, to collect alerts that fire together.</summary>
    public TimeSpan GroupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a message, the least time before the next one about the same group when something in it changed.</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When nothing changed, how often a group with unacknowledged firing alerts is sent again as a reminder.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);
}

/// <summary>One route: which alerts (matchers) go to which team's receivers, and who to escalate to.</summary>
public sealed class RouteOptions
{
    /// <summary>Unique name, shown in history and group keys.</summary>
    public string Name { get; set; } = "";

    /// <summary>The team it belongs to, e.g. 前端 (front line), 中台 (middle office), 后端 (back office).</summary>
    public string Team { get; set; } = "";

    /// <summary>Matchers in Alertmanager syntax (<c>rule=complaint-surge</c>, <c>region=~tianhe|yuexiu</c>); all must hold; none matches every alert.</summary>
    public List<string> Matchers { get; set; } = [];

    /// <summary>Receiver names to notify.</summary>
    public List<string> Receivers { get; set; } = [];

    /// <summary>Keep looking at later routes after this one matched.</summary>
    public bool Continue { get; set; }

    /// <summary>Overrides <see cref="GroupingOptions.GroupBy"/> when set.</summary>
    public List<string>? GroupBy { get; set; }

    public TimeSpan? GroupWait { get; set; }

    public TimeSpan? GroupInterval { get; set; }

    public TimeSpan? RepeatInterval { get; set; }

    /// <summary>Levels to escalate to, in order, while an alert stays firing and unacknowledged.</summary>
    public List<EscalationOptions> Escalation { get; set; } = [];
}

/// <summary>One escalation level: after this long unacknowledged, also notify these receivers.</summary>
public sealed class EscalationOptions
{
    /// <summary>Time since the alert fired.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Receiver names of the next level (e.g. the 中台 team's robot).</summary>
    public List<string> Receivers { get; set; } = [];

    /// <summary>The team of this level, shown in the message.</summary>
    public string Team { get; set; } = "";
}

/// <summary>While an alert matching Source is active, alerts matching Target with equal values of Equal labels are not notified.</summary>
public sealed class InhibitRuleOptions
{
    public List<string> SourceMatchers { get; set; } = [];

    public List<string> TargetMatchers { get; set; } = [];

    /// <summary>Labels both must share (e.g. region).</summary>
    public List<string> Equal { get; set; } = [];
}

/// <summary>Flap detection (<c>Cockpit:Alerting:Flapping</c>).</summary>
public sealed class FlappingOptions
{
    /// <summary>An alert that fires this many times within <see cref="Window"/> is flapping.</summary>
    public int Fires { get; set; } = 3;

    /// <summary>The window for <see cref="Fires"/>; a flapping alert resolves only after staying recovered this long.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Delivery retries (<c>Cockpit:Alerting:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>First wait after a failed attempt.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message not delivered within this time is given up (marked failed, logged).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the worker looks at the outbox when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
