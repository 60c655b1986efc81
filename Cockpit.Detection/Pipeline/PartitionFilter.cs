namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Decides which subjects this process watches when detection is spread over several nodes: a subject belongs to
/// partition <c>hash(key) mod Count</c>. The hash is FNV-1a over the key's characters — stable across processes and
/// runs, unlike <see cref="string.GetHashCode()"/> — so every node agrees on who owns what.
/// </summary>
internal sealed class PartitionFilter(int count, int index)
{
    /// <summary>Whether this process watches the subject with <paramref name="key"/>.</summary>
    public bool Owns(string key) => count <= 1 || Partition(key, count) == index;

    /// <summary>The partition of <paramref name="key"/> among <paramref name="partitions"/>.</summary>
    public static int Partition(string key, int partitions)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var c in key)
        {
            hash = (hash ^ c) * prime;
        }

        return (int)(hash % (ulong)partitions);
    }
}
