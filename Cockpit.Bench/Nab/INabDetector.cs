using System.Reactive.Concurrency;

namespace Cockpit.Bench.Nab;

/// <summary>
/// A detector the NAB command can run: one configuration for every file (no per-file or per-category tuning).
/// Register it in <see cref="NabDetectors.All"/>.
/// </summary>
public interface INabDetector
{
    /// <summary>The name used for the results folder and files and for <c>--detectors</c>, e.g. <c>surge</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Fresh state for one file. <paramref name="scheduler"/> is the replay's virtual clock: it reads the time of the
    /// point being scored, and anything scheduled on it runs as the replay passes that time.
    /// </summary>
    INabSeries Start(IScheduler scheduler);
}
