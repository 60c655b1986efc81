using Cockpit.Ingest.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Registers who may use Cockpit and what each role may do.</summary>
public static class SecurityHostingExtensions
{
    /// <summary>The default scheme: <c>/api/*</c> goes to the API tokens, everything else to the dashboard cookie.</summary>
    public const string SelectorScheme = "Cockpit";

    /// <summary>
    /// Adds the API tokens (<c>Cockpit:Api</c>), the dashboard's users (<c>Cockpit:Users</c>), display keys
    /// (<c>Cockpit:Display</c>) and OpenID Connect (<c>Cockpit:Oidc</c>), all validated at start; the cookie for the
    /// dashboard and the <c>ApiToken</c> scheme for the API behind one selector scheme; the role policies of
    /// <see cref="CockpitPolicies"/>; a fallback policy that requires a signed-in user everywhere not marked otherwise;
    /// and the JSON 403 of the API.
    /// </summary>
    public static IHostApplicationBuilder AddCockpitSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddOptions<UsersOptions>().Bind(configuration.GetSection(UsersOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UsersOptions>, UsersOptionsValidator>());
        services.AddOptions<DisplayOptions>().Bind(configuration.GetSection(DisplayOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DisplayOptions>, DisplayOptionsValidator>());
        services.AddOptions<LoginOptions>().Bind(configuration.GetSection(LoginOptions.SectionName))
            .Validate(o => o.MaxFailures >= 1, $"{LoginOptions.SectionName}:MaxFailures must be at least 1.")
            .Validate(o => o.FailureWindow > TimeSpan.Zero, $"{LoginOptions.SectionName}:FailureWindow must be positive.")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, $"{LoginOptions.SectionName}:SessionLifetime must be positive.")
            .ValidateOnStart();
        var oidc = configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.SectionName));

        services.AddSingleton<ApiTokenAuthenticator>();
        services.AddSingleton<ManagedUserStore>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<DisplayKeyAuthenticator>();
        services.AddSingleton<OidcSettings>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<DisplayKeySignIn>();

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cockpit", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, configureOptions: null);
        if (OidcSettings.IsConfigured(oidc))
        {
            authentication.AddCockpitOidc(oidc);
        }

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<LoginOptions>>((cookie, login) =>
            {
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/access-denied";
                cookie.ReturnUrlParameter = "ReturnUrl";
                cookie.Cookie.Name = "cockpit.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = login.Value.SessionLifetime;
                cookie.SlidingExpiration = login.Value.SlidingExpiration;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    if (!context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().IsCurrent(context.Principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        // The cookie is encrypted with data-protection keys: kept in DataDir, sessions (and the wall screens' keys)
        // survive a restart instead of sending everyone back to the login page.
        services.AddDataProtection().SetApplicationName("Cockpit");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<CockpitOptions>, ILoggerFactory>((keys, cockpit, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(cockpit.Value.ResolveDataDir(), "keys")), loggers));

        services.AddAuthorizationBuilder()
            .AddCockpitPolicies()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, DisplayKeyLimitHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();
        return builder;
    }
}
