namespace Cockpit.Bench.Nab;

/// <summary>
/// A folder laid out like NAB's (<c>data/&lt;category&gt;/*.csv</c> and <c>labels/combined_windows.json</c>): its
/// data files in a fixed order (category, then name, ordinal) with their windows. Files the windows file does not
/// list are kept (they get results) but not scored; windows file entries without a data file are ignored. Both are
/// reported in <see cref="Warnings"/>.
/// </summary>
public sealed class NabCorpus
{
    private NabCorpus(IReadOnlyList<NabDataFile> files, IReadOnlyList<string> warnings)
    {
        Files = files;
        Warnings = warnings;
    }

    /// <summary>Every data file found.</summary>
    public IReadOnlyList<NabDataFile> Files { get; }

    /// <summary>The files that are scored: those the windows file lists.</summary>
    public IEnumerable<NabDataFile> ScoredFiles => Files.Where(f => f.InWindowsFile);

    /// <summary>What did not match between the data and the windows file.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Reads the corpus under <paramref name="root"/>.</summary>
    /// <param name="root">The folder holding <c>data/</c> and <c>labels/</c>.</param>
    /// <param name="windowsPath">Another windows file (e.g. one restricted to a subset, SCORING.md §10); null for the corpus's own.</param>
    /// <exception cref="DirectoryNotFoundException">No <c>data/</c> folder.</exception>
    /// <exception cref="FileNotFoundException">No windows file.</exception>
    /// <exception cref="InvalidDataException">No data file, or a data or windows file that cannot be read as NAB's.</exception>
    public static NabCorpus Load(string root, string? windowsPath = null)
    {
        var dataFolder = Path.Combine(root, "data");
        if (!Directory.Exists(dataFolder))
        {
            throw new DirectoryNotFoundException($"{dataFolder} does not exist; the corpus folder must hold data/<category>/<file>.csv.");
        }

        windowsPath ??= Path.Combine(root, NabWindowsFile.RelativePath);
        if (!File.Exists(windowsPath))
        {
            throw new FileNotFoundException($"{windowsPath} does not exist; NAB scores from its windows file.", windowsPath);
        }

        var windows = NabWindowsFile.Load(windowsPath);
        var files = new List<NabDataFile>();
        var warnings = new List<string>();
        foreach (var categoryFolder in Directory.GetDirectories(dataFolder).Order(StringComparer.Ordinal))
        {
            var category = Path.GetFileName(categoryFolder);
            foreach (var path in Directory.GetFiles(categoryFolder, "*.csv").Order(StringComparer.Ordinal))
            {
                var key = $"{category}/{Path.GetFileName(path)}";
                var fileWindows = windows.GetValueOrDefault(key);
                if (fileWindows is null)
                {
                    warnings.Add($"{key} is not in {windowsPath}: results are written (every label 0) but the file is not scored.");
                }

                files.Add(NabDataFile.Load(path, category, fileWindows));
            }
        }

        if (files.Count == 0)
        {
            throw new InvalidDataException($"{dataFolder} holds no <category>/<file>.csv.");
        }

        var found = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, listed) in windows.Where(w => !found.Contains(w.Key)).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            warnings.Add($"{key} is in {windowsPath} but not under {dataFolder}: its {listed.Count} window(s) are left out of W.");
        }

        return new NabCorpus(files, warnings);
    }
}
