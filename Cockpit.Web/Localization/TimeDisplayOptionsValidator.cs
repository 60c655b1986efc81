using Microsoft.Extensions.Options;

namespace Cockpit.Web.Localization;

/// <summary>
/// Checks <c>Cockpit:Display:TimeZone</c> at start: an IANA id this machine knows. Windows ids are refused even where
/// .NET would convert them, because the browser draws chart axes with the same id and only knows IANA ones.
/// </summary>
internal sealed class TimeDisplayOptionsValidator : IValidateOptions<TimeDisplayOptions>
{
    private const string Key = TimeDisplayOptions.SectionName + ":TimeZone";

    public ValidateOptionsResult Validate(string? name, TimeDisplayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            return ValidateOptionsResult.Fail($"{Key} is empty; give an IANA time zone id such as {TimeDisplayOptions.DefaultTimeZone} or Europe/Berlin.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone))
        {
            return ValidateOptionsResult.Fail($"{Key} '{options.TimeZone}' is not a time zone this machine knows; give an IANA id such as {TimeDisplayOptions.DefaultTimeZone} or Europe/Berlin.");
        }

        return zone.HasIanaId
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key} '{options.TimeZone}' is a Windows time zone id; give its IANA id (e.g. {TimeDisplayOptions.DefaultTimeZone}), which browsers know too.");
    }
}
