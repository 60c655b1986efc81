using Cockpit.Alerting.Channels.Text;

namespace Cockpit.Tests.Alerting.Channels.Text;

/// <summary>Escaping per dialect: text from alerts stays literal and cannot become a link, a tag, emphasis or code.</summary>
public sealed class RobotMarkdownTests
{
    [Fact]
    public void Escape_WeComAndDingTalk_BackslashesMarkdownAndEntitiesForHtml()
    {
        const string expected = "\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*b\\*\\* \\`c\\` &lt;font color=\"info\"&gt;ok&lt;/font&gt; \\_u\\_ \\~\\~s\\~\\~ a\\|b \\# \\!\\[i\\] &amp;lt; \\\\";
        const string input = "[x](javascript:alert(1)) <img src=x onerror=alert(1)> **b** `c` <font color=\"info\">ok</font> _u_ ~~s~~ a|b # ![i] &lt; \\";

        Assert.Equal(expected, RobotMarkdown.WeCom.Escape(input));
        Assert.Equal(expected, RobotMarkdown.DingTalk.Escape(input));
    }

    [Fact]
    public void Escape_Feishu_NumericEntitiesForEverySpecialCharacter()
    {
        Assert.Equal(
            "&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41; &#60;img src=x&#62; &#42;&#42;b&#42;&#42; &#96;c&#96; &#60;font color=&#39;red&#39;&#62; &#95;u&#95; &#126; a&#124;b &#35; &#33; &#38;lt; &#92; &#34;",
            RobotMarkdown.Feishu.Escape("[x](javascript:alert(1)) <img src=x> **b** `c` <font color='red'> _u_ ~ a|b # ! &lt; \\ \""));
    }

    [Theory]
    [InlineData("天河 region 1.5")]
    [InlineData("")]
    public void Escape_NothingSpecial_Unchanged(string text)
    {
        Assert.Same(text, RobotMarkdown.WeCom.Escape(text));
        Assert.Same(text, RobotMarkdown.Feishu.Escape(text));
    }

    [Fact]
    public void Link_UnsafeUrl_OnlyTheEscapedLabel()
    {
        Assert.Equal("\\*x\\*", RobotMarkdown.WeCom.Link("*x*", SafeLink.Of("javascript:alert(1)")));
        Assert.Equal("[\\*x\\*](https://c.example/a%28b%29)", RobotMarkdown.WeCom.Link("*x*", SafeLink.Of("https://c.example/a(b)")));
    }
}
