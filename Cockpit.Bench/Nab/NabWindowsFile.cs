using System.Text.Json;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Reads NAB's <c>labels/combined_windows.json</c>: file key (<c>category/name.csv</c>) → list of
/// <c>[start, end]</c> timestamps. Windows must be in time order and must not overlap, as NAB's labeller writes
/// them; NAB's scorer would silently drop windows that are not, so this refuses them.
/// </summary>
public static class NabWindowsFile
{
    /// <summary>Where the windows file lies under a corpus folder.</summary>
    public const string RelativePath = "labels/combined_windows.json";

    /// <summary>Reads <paramref name="path"/>; keys use <c>/</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a windows file or a window is malformed.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<NabWindow>> Load(string path)
    {
        Dictionary<string, List<List<string>>>? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Dictionary<string, List<List<string>>>>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a NAB windows file (an object of file → list of [start, end]): {ex.Message}", ex);
        }

        var windows = new Dictionary<string, IReadOnlyList<NabWindow>>(StringComparer.Ordinal);
        foreach (var (key, limits) in raw ?? [])
        {
            windows[key.Replace('\\', '/')] = Parse(path, key, limits ?? []);
        }

        return windows;
    }

    private static List<NabWindow> Parse(string path, string key, List<List<string>> limits)
    {
        var windows = new List<NabWindow>(limits.Count);
        foreach (var limit in limits)
        {
            if (limit is not [var startText, var endText]
                || !NabTimestamp.TryParse(startText, out var start)
                || !NabTimestamp.TryParse(endText, out var end))
            {
                throw new InvalidDataException($"{path}: {key}: a window must be [start, end] timestamps, got [{string.Join(", ", limit ?? [])}].");
            }

            var window = new NabWindow(start, end);
            if (end < start)
            {
                throw new InvalidDataException($"{path}: {key}: window {window} ends before it starts.");
            }

            if (windows.Count > 0 && start <= windows[^1].End)
            {
                throw new InvalidDataException($"{path}: {key}: window {window} does not start after the window before it, {windows[^1]}.");
            }

            windows.Add(window);
        }

        return windows;
    }
}
