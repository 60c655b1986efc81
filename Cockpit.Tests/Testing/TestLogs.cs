using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Testing;

/// <summary>Opens the real embedded ingest log in a folder (a <see cref="TempDirectory"/>), for tests that need one.</summary>
public static class TestLogs
{
    public static FileIngestLog Open(string dataDir, LogOptions? options = null, SeriesRegistry? registry = null, TimeProvider? time = null) =>
        new(
            Options.Create(options ?? new LogOptions()),
            Options.Create(new CockpitOptions { DataDir = dataDir }),
            registry ?? new SeriesRegistry(Options.Create(new IngestOptions())),
            time ?? TimeProvider.System,
            NullLogger<FileIngestLog>.Instance);
}
