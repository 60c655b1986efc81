using System.Globalization;

namespace Cockpit.Ingest.Log;

/// <summary>
/// The consumers' committed positions, one small file per consumer (<c>partition offset</c> lines), replaced whole by a
/// rename so a crash leaves the old file or the new one. Not fsynced: a cursor that goes back after a crash only makes
/// its consumer read a few records again, which consumers must tolerate anyway.
/// </summary>
internal sealed class LogCursors
{
    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly Dictionary<string, Dictionary<int, long>> _cursors = new(StringComparer.Ordinal);

    public LogCursors(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        foreach (var path in Directory.EnumerateFiles(directory, "*.cursor"))
        {
            var positions = new Dictionary<int, long>();
            foreach (var line in File.ReadAllLines(path))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                {
                    positions[partition] = offset;
                }
            }

            _cursors[Path.GetFileNameWithoutExtension(path)] = positions;
        }
    }

    public IReadOnlyDictionary<int, long> Get(string consumer)
    {
        lock (_lock)
        {
            return _cursors.TryGetValue(consumer, out var positions) ? new Dictionary<int, long>(positions) : new Dictionary<int, long>();
        }
    }

    public long? Get(string consumer, int partition)
    {
        lock (_lock)
        {
            return _cursors.TryGetValue(consumer, out var positions) && positions.TryGetValue(partition, out var offset) ? offset : null;
        }
    }

    /// <summary>Records a position; returns false (and writes nothing) when it is not ahead of the one kept.</summary>
    public bool Set(string consumer, int partition, long next)
    {
        string text;
        lock (_lock)
        {
            if (!_cursors.TryGetValue(consumer, out var positions))
            {
                _cursors[consumer] = positions = [];
            }

            if (positions.TryGetValue(partition, out var current) && current == next)
            {
                return false;
            }

            positions[partition] = next;
            text = string.Join('\n', positions.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
            var path = Path.Combine(_directory, consumer + ".cursor");
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }

        return true;
    }
}
