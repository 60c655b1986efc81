using Cockpit.Detection.Detectors;

namespace Cockpit.Detection.Pipeline;

// TEMPORARY until the detector primitives land (branch detectors).
internal sealed class DetectorFactory(DetectionOptions options) : IDetectorFactory
{
    public DetectorStack CreateStack(Rules.DetectionRuleOptions rule) => throw new NotSupportedException(options.ToString());

    public ISilenceDetector CreateSilence(Rules.DetectionRuleOptions rule) => throw new NotSupportedException();
}
