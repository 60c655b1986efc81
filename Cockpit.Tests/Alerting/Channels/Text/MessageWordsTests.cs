using System.Text.Json;
using Cockpit.Alerting.Channels.Email;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Channels.WeCom;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Alerting.Channels.Text;

/// <summary>
/// Messages in the configured language: every phrase exists in every language, alert summaries are said from their
/// facts, the frame of the message (title, headings, links) follows, and messages queued before languages stay English.
/// </summary>
public sealed class MessageWordsTests
{
    private static readonly SignalFacts Surge = new()
    {
        Kind = SignalFactKind.Anomalous,
        Measurement = "complaints",
        Field = "count",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "tianhe" },
        Value = 412,
        Expected = 120.4,
        Lower = 80.25,
        Upper = 161.7,
        Score = 0.934,
    };

    private static readonly SignalFacts Recovered = Surge with { Kind = SignalFactKind.BackToNormal, Value = 118.6, Labels = new Dictionary<string, string> { ["region"] = "tianhe", ["channel"] = "hotline" } };

    // The channels' fixed pair of alerts with facts (the resolved one's stored summary is English, as stored ones are).
    private static Notification WithFacts(string? language)
    {
        var two = ChannelTestData.TwoAlerts();
        return two with
        {
            Language = language,
            Alerts = [two.Alerts[0] with { Facts = Surge }, two.Alerts[1] with { Facts = Recovered, Summary = SignalFactsFormatter.Summary(Recovered) }],
        };
    }

    public static TheoryData<string> Languages() => [.. MessageWords.All.Select(w => w.Language)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguage_HasEveryPhrase(string language) =>
        Assert.Equal(Enum.GetValues<SignalFactsPhrase>().Order(), MessageWords.For(language).Phrases.Order());

    [Fact]
    public void English_PhrasesAreTheStoredSummarysEnglish() =>
        Assert.All(Enum.GetValues<SignalFactsPhrase>(), p => Assert.Equal(AlertSummaryWording.English(p), MessageWords.En.Phrase(p)));

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("ZH-cn", true)]
    [InlineData("en", true)]
    [InlineData("fr", false)]
    [InlineData("zh", false)]
    [InlineData("", false)]
    public void IsKnown_TheTwoLanguagesInAnyCase(string language, bool known) => Assert.Equal(known, MessageWords.IsKnown(language));

    [Fact]
    public void For_NoLanguage_English() => Assert.Same(MessageWords.En, MessageWords.For(null));

    [Fact]
    public void WeCom_Chinese_FrameAndSummariesInChinese_TagValuesEscapedAsBefore()
    {
        var content = Content(WeComChannel.Render(WithFacts("zh-CN")).Body);

        Assert.Equal(
            "## \\[告警:1\\] complaint-surge 天河\n团队 前端\n\n" +
            "<font color=\"warning\">**严重**</font> **complaint-surge** 告警中\n" +
            "标签：queue=\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\`code\\` &lt;font color=\"info\"&gt;ok&lt;/font&gt; \\# h，region=天河\n" +
            "摘要：投诉量 天河 tianhe：412，预期 120（正常 80.3–162），异常评分 0.93\n" +
            "数值：当前 412，预期 120，异常评分 0.93\n" +
            "可能原因：光缆中断 &lt;b&gt;fibre cut&lt;/b&gt;\n" +
            "开始于 2026-11-24 13:05 UTC\n" +
            "[在驾驶舱查看](http://cockpit.example:5000/alerts/17)\n\n" +
            "<font color=\"info\">**警告**</font> **complaint-surge** 已恢复\n" +
            "标签：channel=hotline，region=天河\n" +
            "摘要：投诉量 天河 tianhe，channel=hotline 已恢复正常：119，预期 120（正常 80.3–162）\n" +
            "2026-11-24 12:40 UTC 至 2026-11-24 13:01 UTC\n" +
            "[在驾驶舱查看](http://cockpit.example:5000/alerts/16)\n\n" +
            "[在驾驶舱查看全部](http://cockpit.example:5000/alerts?group=7f3a)",
            content);
    }

    [Fact]
    public void WeCom_English_SummariesFromFactsRoundedForPeople()
    {
        var content = Content(WeComChannel.Render(WithFacts("en")).Body);

        Assert.StartsWith("## \\[FIRING:1\\] complaint-surge 天河\nTeam 前端\n\n<font color=\"warning\">**CRITICAL**</font> **complaint-surge** firing\n", content, StringComparison.Ordinal);
        Assert.Contains("\nSummary: complaints 天河 tianhe is 412, expected 120 \\(normal 80.3 to 162\\); anomaly score 0.93\n", content, StringComparison.Ordinal);
        Assert.Contains("\nSummary: complaints 天河 tianhe, channel=hotline is back to normal: 119, expected 120 \\(normal 80.3 to 162\\)\n", content, StringComparison.Ordinal);
        Assert.EndsWith("[View all in Cockpit](http://cockpit.example:5000/alerts?group=7f3a)", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_Chinese_SubjectAndBodyInChinese_HtmlEncodedAsBefore()
    {
        var text = NotificationText.From(WithFacts("zh-CN") with { Alerts = [WithFacts("zh-CN").Alerts[0] with { Facts = Surge with { Labels = new Dictionary<string, string> { ["queue"] = "<b>x</b>" } } }] });

        Assert.Equal("[告警:1] complaint-surge 天河", text.Title);
        var html = EmailBody.Html(text);
        Assert.Contains("摘要：投诉量 queue=&lt;b&gt;x&lt;/b&gt;：412，预期 120（正常 80.3–162），异常评分 0.93", html, StringComparison.Ordinal);
        Assert.Contains(">在驾驶舱查看</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_WithoutFacts_ItsStoredEnglishSummary_InAChineseFrame()
    {
        var text = NotificationText.From(ChannelTestData.TwoAlerts() with { Language = "zh-CN" });

        Assert.Equal("[告警:1] complaint-surge 天河", text.Title);
        Assert.Equal("投诉量 412/min in 天河", text.Alerts[0].Summary);
        Assert.Equal("back to normal", text.Alerts[1].Summary);
    }

    [Fact]
    public void QueuedBeforeLanguages_NoLanguage_SentInEnglish()
    {
        var stored = JsonSerializer.Serialize(ChannelTestData.TwoAlerts());

        var text = NotificationText.From(JsonSerializer.Deserialize<Notification>(stored)!);

        Assert.Equal("[FIRING:1] complaint-surge 天河", text.Title);
    }

    private static string Content(byte[] body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
}
