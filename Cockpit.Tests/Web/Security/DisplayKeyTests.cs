using System.Security.Claims;
using Cockpit.Web.Security;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Security;

public sealed class DisplayKeyTests
{
    private static DisplayKey Key(string name, string secret) => new() { Name = name, Secret = secret };

    private static DisplayKeyAuthenticator Create(params DisplayKey[] keys) => new(Options.Create(new DisplayOptions { Keys = [.. keys] }));

    [Fact]
    public void Find_EachSecretExactly_ItsKey()
    {
        var keys = Create(Key("floor-2", "floor-2-secret-0123456789"), Key("lobby", "lobby-secret-0123456789"));

        Assert.Equal("floor-2", keys.Find("floor-2-secret-0123456789")?.Name);
        Assert.Equal("lobby", keys.Find("lobby-secret-0123456789")?.Name);
        Assert.Null(keys.Find("lobby-secret-012345678"));
        Assert.Null(keys.Find("LOBBY-SECRET-0123456789"));
        Assert.Null(keys.Find(""));
    }

    [Fact]
    public void Principal_ReadOnlyViewerMarkedAsDisplay()
    {
        var principal = DisplayKeyAuthenticator.Principal(Key("lobby", "lobby-secret-0123456789"), "test");

        Assert.Equal("display:lobby", principal.Identity!.Name);
        Assert.Equal(["viewer"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(DisplayKeyAuthenticator.IsDisplay(principal));
    }

    [Fact]
    public void IsCurrent_KeyRemovedOrSecretChanged_False()
    {
        var session = DisplayKeyAuthenticator.Principal(Key("lobby", "lobby-secret-0123456789"), "test");

        Assert.True(Create(Key("lobby", "lobby-secret-0123456789")).IsCurrent(session));
        Assert.False(Create(Key("lobby", "lobby-secret-9876543210")).IsCurrent(session));
        Assert.False(Create(Key("floor-2", "lobby-secret-0123456789")).IsCurrent(session));
        Assert.False(Create().IsCurrent(session));
    }

    [Fact]
    public void Validate_ShortSharedOrUnnamed_EachNamed()
    {
        var result = new DisplayOptionsValidator().Validate(null, new DisplayOptions
        {
            Keys = [Key("lobby", "lobby-secret-0123456789"), Key("LOBBY", "short"), Key("", "lobby-secret-0123456789")],
        });

        Assert.Equal(
            [
                "Cockpit:Display:Keys:1:Name 'LOBBY' is used twice.",
                "Cockpit:Display:Keys:1:Secret (key 'LOBBY') must be at least 16 characters.",
                "Cockpit:Display:Keys:2:Name is empty.",
                "Cockpit:Display:Keys:2:Secret (key '') is the secret of another key.",
            ],
            result.Failures);
    }
}
