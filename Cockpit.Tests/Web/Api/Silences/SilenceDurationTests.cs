using Cockpit.Web.Api.Silences;

namespace Cockpit.Tests.Web.Api.Silences;

public sealed class SilenceDurationTests
{
    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("1d", 86400)]
    [InlineData("45s", 45)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData(" 2h ", 2 * 3600)]
    [InlineData("01:30:00", 90 * 60)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("00:00:30", 30)]
    public void TryParse_Valid_Seconds(string text, int seconds)
    {
        Assert.True(SilenceDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("2 hours")]
    [InlineData("2H")]
    [InlineData("-2h")]
    [InlineData("2w")]
    [InlineData("1:99:00")]
    [InlineData("99999999999999999999d")]
    public void TryParse_Invalid_False(string text)
    {
        Assert.False(SilenceDuration.TryParse(text, out _));
    }
}
