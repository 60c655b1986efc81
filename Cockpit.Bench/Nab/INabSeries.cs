using Cockpit.Ingest.Model;

namespace Cockpit.Bench.Nab;

/// <summary>A detector's state for one file, fed every point of the file in order; disposed at the file's end.</summary>
public interface INabSeries : IDisposable
{
    /// <summary>
    /// Scores <paramref name="point"/> against what came before, in [0, 1] (NAB's convention: 1 is surely anomalous),
    /// then learns from it. Called once per data row, synchronously, in file order, probationary rows included.
    /// </summary>
    double Score(in MetricPoint point);
}
