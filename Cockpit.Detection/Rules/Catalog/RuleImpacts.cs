namespace Cockpit.Detection.Rules.Catalog;

/// <summary>Works out the <see cref="RuleImpact"/> of replacing one version of a rule with another.</summary>
public static class RuleImpacts
{
    /// <summary>The impact of going from <paramref name="before"/> to <paramref name="after"/> (null: absent or disabled).</summary>
    public static RuleImpact Of(DetectionRuleOptions? before, DetectionRuleOptions? after)
    {
        var was = before is { Enabled: true } ? before : null;
        var will = after is { Enabled: true } ? after : null;
        if (was is null || will is null)
        {
            return was is null && will is null ? RuleImpact.None : RuleImpact.Relearn;
        }

        if (RuleJson.Write(was) == RuleJson.Write(will))
        {
            return RuleImpact.None;
        }

        return RuleJson.Write(DetectionPart(was)) == RuleJson.Write(DetectionPart(will)) ? RuleImpact.AlertingOnly : RuleImpact.Relearn;
    }

    // The rule with everything that only decides when a score becomes an alert (not what is scored or how) blanked out.
    private static DetectionRuleOptions DetectionPart(DetectionRuleOptions rule)
    {
        var copy = RuleJson.Copy(rule);
        copy.FireAbove = 0.5;
        copy.RecoverBelow = 0;
        copy.PendingPoints = 1;
        copy.PendingFor = TimeSpan.Zero;
        copy.RecoveryPoints = 1;
        copy.MinRefireInterval = TimeSpan.Zero;
        copy.Severity = default;
        copy.CriticalAbove = null;
        return copy;
    }
}
