using System.Collections.Frozen;
using System.Globalization;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// Every word notifications say, in each language they can be sent in (<c>Cockpit:Alerting:Language</c>, a receiver's
/// <c>Language</c>): the message's frame (title, headings, links) and the phrases alert facts are said with. The one
/// place to change or add a message text; Alerting cannot use the UI's resources, and a typed table keeps both languages
/// complete (a missing phrase fails the tests, see <c>MessageWordsTests</c>).
/// </summary>
internal sealed class MessageWords : ISignalFactsWording
{
    /// <summary>The language names configuration accepts.</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese, the default: the centre is in Guangzhou.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English: the phrases of the stored summary, numbers rounded for people.</summary>
    public static MessageWords En { get; } = new(English, CultureInfo.GetCultureInfo("en"), new Dictionary<SignalFactsPhrase, string>(
        Enum.GetValues<SignalFactsPhrase>().Select(p => KeyValuePair.Create(p, AlertSummaryWording.English(p)))), new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["complaints.count"] = "complaints",
        ["business.success_rate"] = "business success rate",
        ["network.latency_ms"] = "network latency (ms)",
        ["network.loss_pct"] = "network loss (%)",
        ["network.outages"] = "network outages",
    })
    {
        Firing = "FIRING",
        Resolved = "RESOLVED",
        StateFiring = "firing",
        StateResolved = "resolved",
        Critical = "CRITICAL",
        Warning = "WARNING",
        Info = "INFO",
        Labels = "Labels: ",
        Summary = "Summary: ",
        Measure = "Measure: ",
        Value = "value",
        Expected = "expected",
        Score = "score",
        MeasureSeparator = ", ",
        LikelyCause = "Likely cause: ",
        Since = "Since {0}",
        FromTo = "From {0} to {1}",
        Team = "Team {0}",
        Level = "Escalation level {0}",
        TeamLevel = "Team {0}, escalation level {1}",
        ViewInCockpit = "View in Cockpit",
        ViewAllInCockpit = "View all in Cockpit",
        AndMore = "…and {0} more: ",
        SeeCockpit = "see Cockpit",
        LabelSeparator = ", ",
    };

    /// <summary>Simplified Chinese.</summary>
    public static MessageWords ZhCn { get; } = new(Chinese, CultureInfo.GetCultureInfo("zh-CN"), new Dictionary<SignalFactsPhrase, string>
    {
        [SignalFactsPhrase.Anomalous] = "{0}：{1}{2}，异常评分 {3}",
        [SignalFactsPhrase.Expectation] = "，预期 {0}",
        [SignalFactsPhrase.ExpectationWithBand] = "，预期 {0}（正常 {1}–{2}）",
        [SignalFactsPhrase.BackToNormal] = "{0} 已恢复正常：{1}{2}",
        [SignalFactsPhrase.BeyondLimit] = "{0}：{1}，超出限值{2}",
        [SignalFactsPhrase.LimitRange] = "（{0}–{1}）",
        [SignalFactsPhrase.LimitAtLeast] = "（不低于 {0}）",
        [SignalFactsPhrase.LimitAtMost] = "（不高于 {0}）",
        [SignalFactsPhrase.WithinLimits] = "{0} 已回到限值内：{1}",
        [SignalFactsPhrase.Silent] = "{0} 已连续 {1}无数据（异常评分 {2}）",
        [SignalFactsPhrase.SendingAgain] = "{0} 已恢复上报数据",
        [SignalFactsPhrase.UnwatchedIdle] = "{0}：{1}无数据，已停止监视",
        [SignalFactsPhrase.UnwatchedRuleChanged] = "{0}：规则已修改，已停止监视",
        [SignalFactsPhrase.UnwatchedRuleRemoved] = "{0}：规则已停用或删除，已停止监视",
        [SignalFactsPhrase.Unwatched] = "{0}：已停止监视",
        [SignalFactsPhrase.Hours] = "{0} 小时",
        [SignalFactsPhrase.Minutes] = "{0} 分钟",
        [SignalFactsPhrase.Seconds] = "{0} 秒",
    }, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["complaints"] = "投诉",
        ["business"] = "业务",
        ["network"] = "网络",
        ["complaints.count"] = "投诉量",
        ["business.success_rate"] = "业务成功率",
        ["network.latency_ms"] = "网络时延（毫秒）",
        ["network.loss_pct"] = "网络丢包率（%）",
        ["network.outages"] = "网络中断",
        ["count"] = "数量",
        ["attempts"] = "受理量",
        ["successes"] = "成功量",
        ["success_rate"] = "成功率",
        ["handle_time_s"] = "处理时长（秒）",
        ["latency_ms"] = "时延（毫秒）",
        ["loss_pct"] = "丢包率（%）",
        ["outages"] = "中断",
    })
    {
        Firing = "告警",
        Resolved = "已恢复",
        StateFiring = "告警中",
        StateResolved = "已恢复",
        Critical = "严重",
        Warning = "警告",
        Info = "提示",
        Labels = "标签：",
        Summary = "摘要：",
        Measure = "数值：",
        Value = "当前",
        Expected = "预期",
        Score = "异常评分",
        MeasureSeparator = "，",
        LikelyCause = "可能原因：",
        Since = "开始于 {0}",
        FromTo = "{0} 至 {1}",
        Team = "团队 {0}",
        Level = "第 {0} 级升级",
        TeamLevel = "团队 {0}，第 {1} 级升级",
        ViewInCockpit = "在驾驶舱查看",
        ViewAllInCockpit = "在驾驶舱查看全部",
        AndMore = "…另有 {0} 条：",
        SeeCockpit = "请在驾驶舱查看",
        LabelSeparator = "，",
    };

    private readonly FrozenDictionary<SignalFactsPhrase, string> _phrases;
    private readonly FrozenDictionary<string, string> _names;
    private readonly CultureInfo _culture;

    private MessageWords(string language, CultureInfo culture, Dictionary<SignalFactsPhrase, string> phrases, Dictionary<string, string> names)
    {
        Language = language;
        _culture = culture;
        _phrases = phrases.ToFrozenDictionary();
        _names = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The languages messages can be sent in.</summary>
    public static IReadOnlyList<MessageWords> All => [En, ZhCn];

    /// <summary><see cref="English"/> or <see cref="Chinese"/>.</summary>
    public string Language { get; }

    /// <summary>Title tag of a message with firing alerts, e.g. <c>FIRING</c> in <c>[FIRING:2]</c>.</summary>
    public required string Firing { get; init; }

    /// <summary>Title tag of a message with resolutions only.</summary>
    public required string Resolved { get; init; }

    /// <summary>An alert's state after its rule name: firing.</summary>
    public required string StateFiring { get; init; }

    /// <summary>An alert's state after its rule name: resolved.</summary>
    public required string StateResolved { get; init; }

    public required string Critical { get; init; }

    public required string Warning { get; init; }

    public required string Info { get; init; }

    /// <summary>Line heads (with their colon and space).</summary>
    public required string Labels { get; init; }

    public required string Summary { get; init; }

    public required string Measure { get; init; }

    /// <summary>Names of the numbers on the measure line.</summary>
    public required string Value { get; init; }

    public required string Expected { get; init; }

    public required string Score { get; init; }

    public required string MeasureSeparator { get; init; }

    public required string LikelyCause { get; init; }

    /// <summary>{0} start time.</summary>
    public required string Since { get; init; }

    /// <summary>{0} start, {1} end time.</summary>
    public required string FromTo { get; init; }

    /// <summary>{0} team.</summary>
    public required string Team { get; init; }

    /// <summary>{0} escalation level.</summary>
    public required string Level { get; init; }

    /// <summary>{0} team, {1} escalation level.</summary>
    public required string TeamLevel { get; init; }

    public required string ViewInCockpit { get; init; }

    public required string ViewAllInCockpit { get; init; }

    /// <summary>{0} how many alerts did not fit.</summary>
    public required string AndMore { get; init; }

    public required string SeeCockpit { get; init; }

    public required string LabelSeparator { get; init; }

    public IFormatProvider Culture => _culture;

    /// <summary>The words of <paramref name="language"/> (case-insensitive); English for none (messages queued before languages existed).</summary>
    public static MessageWords For(string? language) =>
        string.Equals(language, Chinese, StringComparison.OrdinalIgnoreCase) ? ZhCn : En;

    /// <summary>True when messages can be sent in <paramref name="language"/>.</summary>
    public static bool IsKnown(string? language) => All.Any(w => string.Equals(w.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>A format of this table in this language's culture.</summary>
    public string Format(string format, params object[] args) => string.Format(_culture, format, args);

    public string Phrase(SignalFactsPhrase phrase) => _phrases[phrase];

    public string Subject(SignalFacts facts) => ReadableFacts.Subject(facts, _names.GetValueOrDefault, LabelSeparator);

    public string Number(double value) => ReadableFacts.Number(value, _culture);

    string ISignalFactsWording.Score(double score) => double.IsFinite(score) ? score.ToString("0.00", _culture) : "—";

    /// <summary>The phrases this language has (tests check each language has every phrase).</summary>
    public IEnumerable<SignalFactsPhrase> Phrases => _phrases.Keys;
}
