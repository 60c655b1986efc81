using Cockpit.Tests.Testing;
using Cockpit.Web.Localization;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Localization;

public sealed class TimeDisplayOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(string zone) => new TimeDisplayOptionsValidator().Validate(null, new TimeDisplayOptions { TimeZone = zone });

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void Validate_IanaId_Succeeds(string zone)
    {
        var result = Validate(zone);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_Default_IsShanghai()
    {
        Assert.Equal("Asia/Shanghai", new TimeDisplayOptions().TimeZone);
        Assert.True(new TimeDisplayOptionsValidator().Validate(null, new TimeDisplayOptions()).Succeeded);
    }

    [Fact]
    public void Validate_UnknownZone_SaysWhichKeyAndWhatToGive()
    {
        var result = Validate("Mars/Olympus_Mons");

        Assert.Equal("Cockpit:Display:TimeZone 'Mars/Olympus_Mons' is not a time zone this machine knows; give an IANA id such as Asia/Shanghai or Europe/Berlin.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_WindowsId_RefusedForItsIanaId()
    {
        var result = Validate("China Standard Time");

        Assert.Equal("Cockpit:Display:TimeZone 'China Standard Time' is a Windows time zone id; give its IANA id (e.g. Asia/Shanghai), which browsers know too.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_Empty_Fails(string zone)
    {
        Assert.Equal("Cockpit:Display:TimeZone is empty; give an IANA time zone id such as Asia/Shanghai or Europe/Berlin.", Assert.Single(Validate(zone).Failures!));
    }

    [Fact]
    public void Host_UnknownZone_RefusesToStart()
    {
        using var factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Display:TimeZone", "Asia/Guangzhou");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Cockpit:Display:TimeZone 'Asia/Guangzhou' is not a time zone this machine knows", error.Message, StringComparison.Ordinal);
    }
}
