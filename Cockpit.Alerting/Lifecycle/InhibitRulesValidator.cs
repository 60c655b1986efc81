using Cockpit.Alerting.Silences;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Lifecycle;

/// <summary>Checks <c>Cockpit:Alerting:InhibitRules</c> and the flapping settings at start-up, naming what is wrong.</summary>
internal sealed class InhibitRulesValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.InhibitRules.Count; i++)
        {
            var rule = options.InhibitRules[i];
            var at = $"Cockpit:Alerting:InhibitRules:{i}";
            if (rule.SourceMatchers.Count == 0 || rule.TargetMatchers.Count == 0)
            {
                errors.Add($"{at} needs SourceMatchers and TargetMatchers (without them every alert would mute every other).");
            }

            foreach (var text in rule.SourceMatchers.Concat(rule.TargetMatchers))
            {
                if (!LabelMatcherParser.TryParse(text, out _, out var error))
                {
                    errors.Add($"{at}: {error}");
                }
            }
        }

        if (options.Flapping.Fires < 2)
        {
            errors.Add("Cockpit:Alerting:Flapping:Fires must be at least 2.");
        }

        if (options.Flapping.Window <= TimeSpan.Zero || options.RestartGrace <= TimeSpan.Zero || options.Retention <= TimeSpan.Zero)
        {
            errors.Add("Cockpit:Alerting:Flapping:Window, RestartGrace and Retention must be positive.");
        }

        if (options.RecentResolved < 0)
        {
            errors.Add("Cockpit:Alerting:RecentResolved must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
