using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Cockpit.Web.Localization;

/// <summary>
/// The languages of the UI: English (the resources' neutral culture) and Simplified Chinese. The choice is the
/// culture cookie when the person picked one, else the browser's Accept-Language, else English.
/// </summary>
public static class CockpitCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> Supported = [English, Chinese];

    /// <summary>Request localization: cookie first, then Accept-Language; no query-string switch (links stay clean).</summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
        options.DefaultRequestCulture = new RequestCulture(English);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    /// <summary>The supported culture closest to <paramref name="name"/> (e.g. zh, zh-Hans, zh-CN → zh-CN), or null.</summary>
    public static string? Match(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : null;
}
