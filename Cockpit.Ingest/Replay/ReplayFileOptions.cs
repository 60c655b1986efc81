using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Replay;

/// <summary>One file to replay (an entry of <c>Cockpit:Replay:Files</c>).</summary>
public sealed class ReplayFileOptions
{
    /// <summary>The file; a relative path resolves against the working directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>How the file encodes its points.</summary>
    public ReplayFormat Format { get; set; } = ReplayFormat.LineProtocol;

    /// <summary>
    /// The unit of a line-protocol file's timestamps; null takes <see cref="ReplayOptions.Precision"/>. CSV files
    /// say theirs in <see cref="CsvMappingOptions.TimestampFormat"/>.
    /// </summary>
    public TimePrecision? Precision { get; set; }

    /// <summary>How CSV rows become points; required when <see cref="Format"/> is <see cref="ReplayFormat.Csv"/>.</summary>
    public CsvMappingOptions? Csv { get; set; }
}
