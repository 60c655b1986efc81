using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;

namespace Cockpit.Detection.Pipeline;

/// <summary>Builds the detector state of one new subject of a rule.</summary>
internal interface IDetectorFactory
{
    /// <summary>The value detectors of a rule whose detector is not <see cref="DetectorKind.NoData"/>.</summary>
    DetectorStack CreateStack(DetectionRuleOptions rule);

    /// <summary>The silence detector of a <see cref="DetectorKind.NoData"/> rule.</summary>
    ISilenceDetector CreateSilence(DetectionRuleOptions rule);
}
