using Cockpit.Detection.Rules;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Bench.Nab;

/// <summary>
/// The one rule every NAB file runs, read from <c>Nab/nab-rule.json</c> with the same configuration binder as the
/// product's <c>Cockpit:Detection:Rules</c>, so a rule tried here can be pasted into appsettings unchanged.
/// </summary>
internal static class NabRule
{
    public static DetectionRuleOptions Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Nab", "nab-rule.json");
        return new ConfigurationBuilder().AddJsonFile(file).Build().Get<DetectionRuleOptions>()
            ?? throw new InvalidOperationException($"{file} holds no rule.");
    }
}
