using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Bus;

/// <summary>Settings of the in-process ingest bus (<c>Cockpit:Bus</c>).</summary>
public sealed class IngestBusOptions
{
    public const string SectionName = "Cockpit:Bus";

    /// <summary>Most points queued between adapters and the dispatcher; beyond it writers are pushed back.</summary>
    [Range(1_000, 100_000_000)]
    public int Capacity { get; set; } = 1_000_000;
}
