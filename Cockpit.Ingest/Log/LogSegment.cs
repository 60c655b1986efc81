using System.Globalization;

namespace Cockpit.Ingest.Log;

/// <summary>One segment file of a partition: named by the offset of its first record, so a reader finds any offset.</summary>
internal sealed class LogSegment(string path, long firstOffset, long bytes)
{
    private const string Extension = ".seg";

    public string Path { get; } = path;

    public long FirstOffset { get; } = firstOffset;

    /// <summary>Bytes written to it (the active segment grows).</summary>
    public long Bytes { get; set; } = bytes;

    public static string FileName(long firstOffset) => firstOffset.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The segments in a partition's folder, oldest first; files that are not segments are left alone.</summary>
    public static List<LogSegment> List(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(p => (Path: p, Name: System.IO.Path.GetFileNameWithoutExtension(p)))
            .Where(f => f.Name.Length == 20 && long.TryParse(f.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => new LogSegment(f.Path, long.Parse(f.Name, NumberStyles.None, CultureInfo.InvariantCulture), new FileInfo(f.Path).Length))
            .OrderBy(s => s.FirstOffset)];
}
