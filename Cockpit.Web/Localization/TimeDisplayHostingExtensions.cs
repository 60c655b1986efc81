using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Localization;

/// <summary>Registers the display time zone.</summary>
public static class TimeDisplayHostingExtensions
{
    /// <summary>Binds and validates <c>Cockpit:Display:TimeZone</c> (at start) and adds <see cref="DisplayTimeZone"/>.</summary>
    public static IServiceCollection AddCockpitTimeDisplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimeDisplayOptions>().Bind(configuration.GetSection(TimeDisplayOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimeDisplayOptions>, TimeDisplayOptionsValidator>());
        services.AddSingleton(sp => new DisplayTimeZone(sp.GetRequiredService<IOptions<TimeDisplayOptions>>()));
        return services;
    }
}
