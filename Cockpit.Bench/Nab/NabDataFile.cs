namespace Cockpit.Bench.Nab;

/// <summary>
/// One data file of a NAB corpus (<c>data/&lt;category&gt;/&lt;name&gt;.csv</c>, columns <c>timestamp,value</c>),
/// its rows read into memory with their cells verbatim, and its rows placed against its windows.
/// </summary>
public sealed class NabDataFile
{
    /// <summary>The column NAB's timestamps are in.</summary>
    public const string TimestampColumn = "timestamp";

    /// <summary>The column NAB's values are in.</summary>
    public const string ValueColumn = "value";

    private NabDataFile(string path, string category, string name, IReadOnlyList<NabRow> rows, IReadOnlyList<NabWindow>? windows)
    {
        Path = path;
        Category = category;
        Name = name;
        Rows = rows;
        InWindowsFile = windows is not null;
        Labels = NabLabelledFile.Create(Key, [.. rows.Select(r => r.Time)], windows ?? []);
    }

    /// <summary>The file on disk.</summary>
    public string Path { get; }

    /// <summary>The folder under <c>data/</c>, e.g. <c>realTraffic</c>.</summary>
    public string Category { get; }

    /// <summary>The file name, e.g. <c>speed_6005.csv</c>.</summary>
    public string Name { get; }

    /// <summary>The key of the windows file: <c>category/name.csv</c>.</summary>
    public string Key => $"{Category}/{Name}";

    /// <summary>The series name given to the replayed points (tag <c>file</c>): <c>category/name</c> without the extension.</summary>
    public string SeriesName => $"{Category}/{System.IO.Path.GetFileNameWithoutExtension(Name)}";

    /// <summary>The data rows in file order.</summary>
    public IReadOnlyList<NabRow> Rows { get; }

    /// <summary>
    /// True when the windows file has an entry for this file (possibly empty); only such files are scored
    /// (SCORING.md §6 and §10). Others still get results, every row labelled 0.
    /// </summary>
    public bool InWindowsFile { get; }

    /// <summary>The rows placed against the file's windows (none when it is not in the windows file).</summary>
    public NabLabelledFile Labels { get; }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="category">Its folder under <c>data/</c>.</param>
    /// <param name="windows">Its windows, or null when the windows file does not list it.</param>
    /// <exception cref="InvalidDataException">A header without the NAB columns, a short row or a timestamp that does not parse.</exception>
    public static NabDataFile Load(string path, string category, IReadOnlyList<NabWindow>? windows)
    {
        // Lines split on \n alone, as the production LineReader does, so line numbers agree with its errors.
        var lines = File.ReadAllText(path).Split('\n');
        var rows = new List<NabRow>(lines.Length);
        int? timestampIndex = null;
        var valueIndex = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (timestampIndex is null)
            {
                timestampIndex = Column(path, cells, TimestampColumn);
                valueIndex = Column(path, cells, ValueColumn);
                continue;
            }

            if (cells.Length <= Math.Max(timestampIndex.Value, valueIndex))
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected the columns {TimestampColumn} and {ValueColumn}, got '{line}'.");
            }

            var timestamp = cells[timestampIndex.Value].Trim();
            if (!NabTimestamp.TryParse(timestamp, out var time))
            {
                throw new InvalidDataException($"{path}:{i + 1}: '{timestamp}' is not a timestamp.");
            }

            rows.Add(new NabRow(i + 1, timestamp, cells[valueIndex].Trim(), time));
        }

        return new NabDataFile(path, category, System.IO.Path.GetFileName(path), rows, windows);
    }

    private static int Column(string path, string[] header, string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InvalidDataException($"{path}: the header has no '{name}' column (columns: {string.Join(", ", header)}).");
    }
}
