using System.Text;
using Cockpit.Alerting.Channels.Text;

namespace Cockpit.Tests.Alerting.Channels.Text;

/// <summary>One line, bounded, cut only between whole characters.</summary>
public sealed class PlainTextTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void Line_LineBreaksAndControls_BecomeSpaces()
    {
        Assert.Equal("a  # b c", PlainText.Line("  a\r\n\n # b\u0001c  ", 100));
    }

    [Fact]
    public void Line_Short_Unchanged() => Assert.Equal("天河", PlainText.Line("天河", 2));

    [Fact]
    public void Line_TooLong_CutAtATextElementWithAnEllipsis()
    {
        Assert.Equal("天河区…", PlainText.Line("天河区第一营业厅", 4));
    }

    [Fact]
    public void Line_EmojiAndCombiningMarks_NeverSplit()
    {
        // 👍🏽 is a surrogate pair plus a modifier (one element); é is e plus a combining accent.
        var text = string.Concat(Enumerable.Repeat("👍🏽e\u0301", 50));

        var line = PlainText.Line(text, 7);

        Assert.Equal("👍🏽e\u0301👍🏽e\u0301👍🏽e\u0301…", line);
        _ = Strict.GetBytes(line);
    }

    [Fact]
    public void Line_Null_Empty() => Assert.Equal("", PlainText.Line(null, 10));
}
