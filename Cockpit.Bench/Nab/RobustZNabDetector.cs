using System.Reactive.Concurrency;
using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Placeholder until the production detection engine is registered: <see cref="RobustZScoreDetector"/> on a
/// 60-value window, |z| mapped to [0, 1] as 1 − e^(−|z|/4) (0 while it warms up).
/// </summary>
public sealed class RobustZNabDetector : INabDetector
{
    private const int Window = 60;
    private const int MinHistory = 20;
    private const double Threshold = 4.5;
    private const double ZScale = 4;

    public string Name => "robustz";

    public INabSeries Start(IScheduler scheduler) => new Series(new RobustZScoreDetector(Window, MinHistory, Threshold));

    private sealed class Series(RobustZScoreDetector detector) : INabSeries
    {
        public double Score(in MetricPoint point)
        {
            var z = detector.Observe(point.Value).Value;
            return double.IsNaN(z) ? 0 : 1 - Math.Exp(-Math.Abs(z) / ZScale);
        }

        public void Dispose()
        {
        }
    }
}
