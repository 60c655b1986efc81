namespace Cockpit.Detection.Pipeline;

/// <summary>What putting a new rule set in force did: enabled rules, subjects that kept their state, subjects dropped.</summary>
public readonly record struct RuleSwap(int Rules, int KeptSubjects, int DroppedSubjects);
