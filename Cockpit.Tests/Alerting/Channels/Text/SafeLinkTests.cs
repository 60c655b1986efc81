using Cockpit.Alerting.Channels.Text;

namespace Cockpit.Tests.Alerting.Channels.Text;

public sealed class SafeLinkTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>")]
    [InlineData("/alerts/17")]
    [InlineData("")]
    [InlineData(null)]
    public void Of_NotAbsoluteHttp_Null(string? url) => Assert.Null(SafeLink.Of(url));

    [Theory]
    [InlineData("http://cockpit.example:5000/alerts/17", "http://cockpit.example:5000/alerts/17")]
    [InlineData("https://c.example/a(b)?q=\"x\" y", "https://c.example/a%28b%29?q=%22x%22%20y")]
    [InlineData("https://c.example/a'b", "https://c.example/a%27b")]
    public void Of_Http_EscapedSoItCannotEndTheLinkEarly(string url, string expected) => Assert.Equal(expected, SafeLink.Of(url));
}
