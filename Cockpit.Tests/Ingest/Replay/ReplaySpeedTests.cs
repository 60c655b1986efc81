using Cockpit.Ingest.Replay;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class ReplaySpeedTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("60", 60.0)]
    [InlineData(" 0.5 ", 0.5)]
    [InlineData("10x", 10.0)]
    [InlineData("0", 0.0)]
    [InlineData("max", 0.0)]
    [InlineData("MAX", 0.0)]
    public void TryParse_Valid_Factor(string text, double factor)
    {
        Assert.True(ReplaySpeed.TryParse(text, out var speed));
        Assert.Equal(factor, speed.Factor);
        Assert.Equal(factor == 0, speed.IsAsFastAsPossible);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("fast")]
    [InlineData("NaN")]
    [InlineData("")]
    public void TryParse_Invalid_False(string text)
    {
        Assert.False(ReplaySpeed.TryParse(text, out _));
    }

    [Fact]
    public void Scale_TimesFour_QuarterOfTheGap()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), ReplaySpeed.Times(4).Scale(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, ReplaySpeed.AsFastAsPossible.Scale(TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Times_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplaySpeed.Times(-2));
    }

    [Theory]
    [InlineData("max", 0.0)]
    [InlineData("120", 120.0)]
    public void ConfigurationBinder_SpeedSetting_Bound(string value, double factor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Speed"] = value }).Build();

        var options = configuration.Get<ReplayOptions>()!;

        Assert.Equal(factor, options.Speed.Factor);
    }

    [Fact]
    public void ConfigurationBinder_BadSpeed_ErrorNamesKeyAndValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cockpit:Replay:Speed"] = "fast" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Cockpit:Replay").Get<ReplayOptions>());

        Assert.Contains("Cockpit:Replay:Speed", error.Message, StringComparison.Ordinal);
    }
}
