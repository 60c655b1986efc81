namespace Cockpit.Web.Wall;

/// <summary>Registers the wall's view-model services.</summary>
public static class WallServiceCollectionExtensions
{
    /// <summary>
    /// Adds the snapshot builder, the week-ago cache and the score keeper; the latter as a hosted service too, so it
    /// gathers bands from start-up rather than from the first wall opened.
    /// </summary>
    public static IServiceCollection AddCockpitWall(this IServiceCollection services)
    {
        services.AddSingleton<WallScores>();
        services.AddHostedService(sp => sp.GetRequiredService<WallScores>());
        services.AddSingleton<WeekAgoComplaints>();
        services.AddSingleton<WallSnapshotBuilder>();
        return services;
    }
}
