using Cockpit.Web.Security;
using Microsoft.AspNetCore.Components;

namespace Cockpit.Web.Components.Account;

/// <summary>
/// <c>/login</c>: a static server-rendered form (anti-forgery token, no script) that signs in with user name and
/// password, says only "wrong user name or password" when it fails, and goes back to a local <c>ReturnUrl</c>.
/// </summary>
public partial class Login
{
    private string? _message;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "login")]
    private LoginInput? Input { get; set; }

    /// <summary>Where to go after signing in (set by the cookie's redirect); only local paths are followed.</summary>
    [SupplyParameterFromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary><c>sso</c> after a failed OpenID Connect sign-in.</summary>
    [SupplyParameterFromQuery(Name = "failed")]
    public string? Failed { get; set; }

    private string SsoLink => "login/oidc?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(ReturnUrl));

    protected override void OnInitialized()
    {
        Input ??= new LoginInput();
        if (Failed == "sso")
        {
            _message = L["SsoFailed"];
        }
    }

    private async Task SubmitAsync()
    {
        var outcome = await SignIn.SignInAsync(HttpContext, Input!.UserName, Input.Password);
        if (outcome.SignedIn)
        {
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
            return;
        }

        _message = outcome.LockedFor is { } wait
            ? L["Locked", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))]
            : L["Wrong"];
        Input.Password = null;
    }

    /// <summary>The posted form.</summary>
    internal sealed class LoginInput
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
