using Cockpit.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Tests.Web.Security;

public sealed class ApiOptionsValidatorTests
{
    private static readonly ApiOptionsValidator Validator = new();

    private static ApiOptions With(params ApiToken[] tokens) => new() { Tokens = [.. tokens] };

    private static ApiToken Token(string name, string secret, string role) => new() { Name = name, Secret = secret, Role = role };

    [Fact]
    public void Validate_OneTokenPerRole_Succeeds()
    {
        var options = With(
            Token("a", "0123456789abcdef", "viewer"),
            Token("b", "1123456789abcdef", "oncall"),
            Token("c", "2123456789abcdef", "Analyst"),
            Token("d", "3123456789abcdef", "ADMIN"));

        var result = Validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoTokens_Succeeds()
    {
        Assert.True(Validator.Validate(null, With()).Succeeded);
    }

    [Fact]
    public void Validate_UnknownRole_NamesTheEntryAndTheRoles()
    {
        var result = Validator.Validate(null, With(Token("a", "0123456789abcdef", "viewer"), Token("ops", "1123456789abcdef", "root")));

        Assert.Equal(
            ["Cockpit:Api:Tokens:1:Role 'root' (token 'ops') is not a role; use one of: viewer, oncall, analyst, admin."],
            result.Failures);
    }

    [Fact]
    public void Validate_EmptyRole_Fails()
    {
        var result = Validator.Validate(null, With(Token("ops", "1123456789abcdef", "")));

        Assert.Equal(["Cockpit:Api:Tokens:0:Role '' (token 'ops') is not a role; use one of: viewer, oncall, analyst, admin."], result.Failures);
    }

    [Fact]
    public void Validate_EmptyName_NamesTheEntry()
    {
        var result = Validator.Validate(null, With(Token(" ", "0123456789abcdef", "viewer")));

        Assert.Equal(["Cockpit:Api:Tokens:0:Name is empty."], result.Failures);
    }

    [Fact]
    public void Validate_DuplicateName_NamesTheSecondEntry()
    {
        var result = Validator.Validate(null, With(Token("ops", "0123456789abcdef", "viewer"), Token("ops", "1123456789abcdef", "admin")));

        Assert.Equal(["Cockpit:Api:Tokens:1:Name 'ops' is used twice."], result.Failures);
    }

    [Fact]
    public void Validate_DuplicateSecret_NamesBothEntries()
    {
        var result = Validator.Validate(null, With(Token("a", "0123456789abcdef", "viewer"), Token("b", "0123456789abcdef", "admin")));

        Assert.Equal(["Cockpit:Api:Tokens:1:Secret (token 'b') is the same as the secret of Cockpit:Api:Tokens:0."], result.Failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    public void Validate_SecretShorterThan16_NamesTheEntry(string secret)
    {
        var result = Validator.Validate(null, With(Token("ops", secret, "oncall")));

        Assert.Equal(["Cockpit:Api:Tokens:0:Secret (token 'ops') must be at least 16 characters."], result.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var result = Validator.Validate(null, With(Token("", "short", "boss")));

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void ShippedAppSettings_DemoTokens_OnePerRoleAllValidAndDocumentedDemoSecrets()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        var options = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()!;

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(ApiRoles.All, options.Tokens.Select(t => t.Role));
        Assert.All(options.Tokens, t => Assert.Contains(t.Secret, ApiOptions.DemoSecrets));
    }
}
