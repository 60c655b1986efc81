using System.Diagnostics.CodeAnalysis;
using Cockpit.Alerting.Model;

namespace Cockpit.Web.Api.Alerts;

/// <summary>One alert with everything that happened to it and what people wrote on it, both oldest first.</summary>
public sealed record AlertDetailJson : AlertJson
{
    [SetsRequiredMembers]
    public AlertDetailJson(AlertJson alert, IReadOnlyList<AlertHistoryEntry> history, IReadOnlyList<AlertNote> notes)
        : base(alert)
    {
        History = history;
        Notes = notes;
    }

    public IReadOnlyList<AlertHistoryEntry> History { get; init; }

    public IReadOnlyList<AlertNote> Notes { get; init; }
}
