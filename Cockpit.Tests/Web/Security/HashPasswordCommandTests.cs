using Cockpit.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Cockpit.Tests.Web.Security;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public void Run_PasswordOnStdin_PrintsAVersion3HashThatVerifies()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("correct horse battery\n"), output, error);

        Assert.Equal(0, exit);
        var hash = output.ToString().TrimEnd();
        Assert.True(PasswordHashFormat.IsValid(hash, out _));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(new UserAccount(), hash, "correct horse battery"));
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("short\n")]
    public void Run_NoOrShortPassword_Exit1WithUsage(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader(input), output, error);

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("at least 8 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsRequested_OnlyTheBareCommand() =>
        Assert.Equal([true, false, false], new[] { new[] { "hash-password" }, [], ["--urls", "hash-password"] }.Select(HashPasswordCommand.IsRequested));
}
