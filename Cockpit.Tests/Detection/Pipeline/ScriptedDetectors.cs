using Cockpit.Detection.Detectors;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// Detectors whose score is the value itself (clamped to [0, 1]), so pipeline tests can script scores exactly and
/// test what the pipeline does with them — pending, hysteresis, re-fire, grouping, eviction — apart from statistics.
/// </summary>
internal sealed class ScriptedDetectors : IDetectorFactory
{
    /// <summary>Usual interval of the scripted silence detector.</summary>
    public static readonly TimeSpan SilenceInterval = TimeSpan.FromMinutes(1);

    /// <summary>Values each subject's detector was fed, in order (all subjects together).</summary>
    public List<double> Fed { get; } = [];

    /// <summary>How many detector stacks were made (one per subject that started learning).</summary>
    public int StacksCreated { get; private set; }

    public DetectorStack CreateStack(DetectionRuleOptions rule)
    {
        StacksCreated++;
        return new(new StackSettings(false, rule.Direction), null, [new ValueIsScore(Fed)]);
    }

    public ISilenceDetector CreateSilence(DetectionRuleOptions rule) => new SilenceAfterFiveIntervals();

    private sealed class ValueIsScore(List<double> fed) : ISeriesDetector
    {
        public int StateBytes => 16;

        public DetectorReading Observe(long timestampNs, double value, DetectorContext context)
        {
            fed.Add(value);
            var score = Math.Clamp(value, 0, 1);
            return new DetectorReading(score, 0, 0, -1, 1);
        }
    }

    // Score 0.5 at five usual intervals of silence, growing linearly with it.
    private sealed class SilenceAfterFiveIntervals : ISilenceDetector
    {
        private long _lastArrivalNs = long.MinValue;

        public int StateBytes => 24;

        public void Observe(long eventTimestampNs, long arrivalNs) => _lastArrivalNs = arrivalNs;

        public DetectorReading Evaluate(long nowNs)
        {
            if (_lastArrivalNs == long.MinValue)
            {
                return DetectorReading.None;
            }

            var intervals = (nowNs - _lastArrivalNs) / (double)(SilenceInterval.Ticks * 100);
            return new DetectorReading(Math.Min(1, intervals / 10), 0, double.NaN, double.NaN, double.NaN);
        }
    }
}
