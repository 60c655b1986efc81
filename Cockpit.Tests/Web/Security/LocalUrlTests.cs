using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/alerts?state=firing", "/alerts?state=firing")]
    [InlineData("/", "/")]
    [InlineData("/alerts/12", "/alerts/12")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("alerts", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/login?ReturnUrl=%2F", "/")]
    [InlineData("/logout", "/")]
    public void OrHome_KeepsLocalPathsOnly(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));
}
