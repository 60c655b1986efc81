using System.Reactive.Concurrency;
using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Runs one production <see cref="ISeriesDetector"/> as a NAB detector: a fresh instance per file, its reading's
/// score in <paramref name="direction"/> as the anomaly score (0 when it has no opinion: warm-up, late point).
/// </summary>
/// <param name="name">The detector's NAB name.</param>
/// <param name="create">Makes a detector for one file, always with the same configuration.</param>
/// <param name="direction">Which deviations count; NAB's windows cover both.</param>
public sealed class NabSeriesDetector(string name, Func<ISeriesDetector> create, Direction direction = Direction.Both) : INabDetector
{
    public string Name => name;

    public INabSeries Start(IScheduler scheduler) => new Series(create(), direction);

    private sealed class Series(ISeriesDetector detector, Direction direction) : INabSeries
    {
        private readonly DetectorContext _context = new();

        public double Score(in MetricPoint point)
        {
            var reading = detector.Observe(point.TimestampNs, point.Value, _context);
            return reading.HasOpinion ? Math.Clamp(reading.Score(direction), 0, 1) : 0;
        }

        public void Dispose()
        {
        }
    }
}
