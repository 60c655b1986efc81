using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.Ingest.Http;
using Cockpit.Web.Api;
using Cockpit.Web.Components;
using Cockpit.Web.Explore;
using Cockpit.Web.Inbox;
using Cockpit.Web.Localization;
using Cockpit.Web.Security;
using Cockpit.Web.Wall;

namespace Cockpit.Web;

/// <summary>Registers and maps the dashboard and the HTTP API.</summary>
public static class WebHostingExtensions
{
    /// <summary>Adds Blazor Server components, JSON settings, the wall's view-model builder, the UI's languages and the API's tokens and roles.</summary>
    public static IHostApplicationBuilder AddCockpitWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddCockpitWall();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(CockpitCultures.Configure);
        services.AddCockpitTimeDisplay(builder.Configuration);
        services.AddCockpitInbox();
        builder.AddCockpitSecurity();
        return builder;
    }

    /// <summary>Maps the API, static assets and the Blazor app.</summary>
    public static WebApplication UseCockpitWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseDisplayKeys();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Everything needs a signed-in user (the fallback policy) except what is opened here: static files, the
        // ingest endpoints (they check their own tokens), /healthz, the login page and the account endpoints.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGroup("").AllowAnonymous().MapCockpitIngest();
        app.MapCockpitApi();
        app.MapCockpitCulture();
        app.MapCockpitAccount();
        app.MapCockpitExplore();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
