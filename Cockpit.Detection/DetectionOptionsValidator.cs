using Microsoft.Extensions.Options;

namespace Cockpit.Detection;

/// <summary>Validates <see cref="DetectionOptions"/>, nested rule settings included (source-generated).</summary>
[OptionsValidator]
internal sealed partial class DetectionOptionsValidator : IValidateOptions<DetectionOptions>;
