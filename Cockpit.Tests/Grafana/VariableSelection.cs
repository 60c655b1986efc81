namespace Cockpit.Tests.Grafana;

/// <summary>What a templating variable is set to.</summary>
/// <param name="Variable">The variable.</param>
/// <param name="Values">The selected values; every value of the variable when <paramref name="IsAll"/>.</param>
/// <param name="IsAll">Whether "All" is selected.</param>
public sealed record VariableSelection(TemplateVariable Variable, IReadOnlyList<string> Values, bool IsAll);
