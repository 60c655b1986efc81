using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Security;

public sealed class UsersOptionsValidatorTests
{
    private static readonly string Hash = DemoUsers.Accounts[0].PasswordHash;

    private static UserAccount User(string name, string role = "viewer", string? hash = null) => new() { Name = name, Role = role, PasswordHash = hash ?? Hash };

    private static ValidateOptionsResult Validate(params UserAccount[] users) => new UsersOptionsValidator().Validate(null, new UsersOptions { Users = [.. users] });

    [Fact]
    public void Validate_DistinctNamesKnownRolesV3Hashes_Succeeds()
    {
        var result = Validate(User("li.wei", "OnCall"), User("wang.fang", "admin"), User("chen.jing", "analyst"), User("tv", "viewer"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownRole_NamesTheUserAndTheRoles()
    {
        var result = Validate(User("li.wei", "operator"));

        Assert.Equal("Cockpit:Users:0:Role 'operator' (user 'li.wei') is not a role; use one of: viewer, oncall, analyst, admin.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_SameNameInAnotherCase_Fails()
    {
        var result = Validate(User("li.wei"), User("Li.Wei"));

        Assert.Equal("Cockpit:Users:1:Name 'Li.Wei' is used twice (user names do not depend on case).", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_EmptyName_Fails()
    {
        var result = Validate(User(" "));

        Assert.Equal("Cockpit:Users:0:Name is empty.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("", "is missing")]
    [InlineData("li.wei-password", "is not base64")]
    [InlineData("AQAAAAE=", "is not a PasswordHasher version 3 hash")]
    public void Validate_BadHash_SaysWhatIsWrongAndHowToMakeOne(string hash, string problem)
    {
        var result = Validate(User("li.wei", hash: hash));

        Assert.Equal($"Cockpit:Users:0:PasswordHash (user 'li.wei') {problem}; make one with: dotnet run --project Cockpit.Web -- hash-password", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_VersionTwoHash_RefusedAsTooWeak()
    {
        var v2 = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }))
            .HashPassword(new UserAccount(), "li.wei-password");

        Assert.False(PasswordHashFormat.IsValid(v2, out var problem));
        Assert.Equal("is not a PasswordHasher version 3 hash", problem);
    }

    [Fact]
    public void Host_BadUser_RefusesToStartNamingTheEntry()
    {
        using var factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Users:1:Role", "boss");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Cockpit:Users:1:Role 'boss' (user 'oncall.user') is not a role", error.Message, StringComparison.Ordinal);
    }
}
