using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Registers who may call Cockpit and what each role may do.</summary>
public static class SecurityHostingExtensions
{
    /// <summary>
    /// Adds the API tokens (<c>Cockpit:Api</c>, validated at start), the <c>ApiToken</c> scheme as the default scheme,
    /// the role policies of <see cref="CockpitPolicies"/> and the JSON 403 of the API.
    /// </summary>
    /// <remarks>
    /// A UI login joins as a second scheme plus a policy scheme that picks one per request (Bearer header: ApiToken,
    /// else the cookie) and becomes the default; the policies and endpoints stay as they are.
    /// </remarks>
    public static IHostApplicationBuilder AddCockpitSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddSingleton<ApiTokenAuthenticator>();
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder().AddCockpitPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return builder;
    }
}
