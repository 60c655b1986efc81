using System.Globalization;
using Cockpit.Detection.Alerts;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>
/// Alert facts in the viewer's language: phrases and names from <see cref="AlertSummary"/>'s resources, numbers in
/// the viewer's culture rounded to what matters (<see cref="ReadableFacts.Number"/>). Made for one render, in the
/// cultures that render runs in.
/// </summary>
internal sealed class LocalizedFactsWording(IStringLocalizer localizer, CultureInfo culture) : ISignalFactsWording
{
    public IFormatProvider Culture => culture;

    public string Phrase(SignalFactsPhrase phrase) => localizer["Phrase_" + phrase];

    public string Subject(SignalFacts facts) => ReadableFacts.Subject(facts, Name, localizer["LabelSeparator"]);

    public string Number(double value) => ReadableFacts.Number(value, culture);

    public string Score(double score) => double.IsFinite(score) ? score.ToString("0.00", culture) : "—";

    private string? Name(string name) => localizer["Name_" + name] is { ResourceNotFound: false } found ? found.Value : null;
}
