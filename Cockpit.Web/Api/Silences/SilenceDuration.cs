using System.Globalization;
using System.Text.RegularExpressions;

namespace Cockpit.Web.Api.Silences;

/// <summary>
/// Reads how long a silence lasts: a .NET time span (<c>01:30:00</c>, <c>1.00:00:00</c>) or Go/Alertmanager style
/// units (<c>90m</c>, <c>2h</c>, <c>1h30m</c>, <c>1d</c>, <c>45s</c>).
/// </summary>
internal static partial class SilenceDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        }

        duration = TimeSpan.Zero;
        var match = Units().Match(text);
        if (!match.Success)
        {
            return false;
        }

        try
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unit = part.Value[^1];
                var amount = double.Parse(part.Value.AsSpan(0, part.Value.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                duration += unit switch
                {
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromSeconds(amount),
                };
            }
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
