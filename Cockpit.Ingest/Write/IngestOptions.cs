using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Write;

/// <summary>Rules every ingest adapter applies (section <c>Cockpit:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Ingest";

    /// <summary>The secret of the demo token shipped in appsettings.json; Cockpit warns at start while it is in use.</summary>
    public const string DemoSecret = "cockpit-demo-ingest-token";

    /// <summary>Who may write over HTTP. Without any token, every HTTP write is refused (401).</summary>
    public List<IngestToken> Tokens { get; set; } = [];

    /// <summary>Largest request body, after gzip decompression; larger ones get 413. InfluxDB's default is 25 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most distinct series ingest adapters may create; lines of new series past it are rejected.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSeries { get; set; } = 100_000;

    /// <summary>How far in the future (by the server's clock) a timestamp may be before its line is rejected.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Tag keys whose values are region names, normalised through <see cref="RegionAliases"/>; <c>region</c> when
    /// empty. No default in code on purpose: configuration binding appends to a list, so a default could not be replaced.
    /// </summary>
    public List<string> RegionTagKeys { get; set; } = [];

    /// <summary>The region tag keys in effect.</summary>
    public IReadOnlyList<string> EffectiveRegionTagKeys => RegionTagKeys.Count > 0 ? RegionTagKeys : ["region"];

    /// <summary>
    /// Extra region aliases (alias → region id), on top of the built-in ones (each district's id in any case, its
    /// Chinese name with and without 区). Matched ignoring case and surrounding spaces.
    /// </summary>
    public Dictionary<string, string> RegionAliases { get; set; } = [];

    /// <summary>What <c>Retry-After</c> tells a writer refused because the queue was full.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
