using Cockpit.Detection.Pipeline;
using Cockpit.Web.Components.Controls.Alerts;

namespace Cockpit.Web.Inbox;

/// <summary>Registers the on-call inbox's services.</summary>
public static class InboxHostingExtensions
{
    /// <summary>Adds the inbox's commands (role-checked), the alert page's store reads and its live band feed.</summary>
    public static IServiceCollection AddCockpitInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxCommands>();
        services.AddSingleton<AlertInsights>();
        services.AddTransient<InboxMessages>();
        services.AddSingleton(sp => new AlertScoreFeed(sp.GetRequiredService<DetectionPipeline>().Scores));
        return services;
    }
}
