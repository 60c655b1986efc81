using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rules;

/// <summary>Validates one rule's settings, nested detector settings included (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class DetectionRuleValidator : IValidateOptions<DetectionRuleOptions>;
