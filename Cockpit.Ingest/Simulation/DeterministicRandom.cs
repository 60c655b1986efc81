namespace Cockpit.Ingest.Simulation;

/// <summary>Random sources derived from a seed and a position, so any tick can be regenerated on its own.</summary>
internal static class DeterministicRandom
{
    /// <summary>A generator for (seed, stream, index); <see cref="Random(int)"/> is stable across runs and platforms.</summary>
    public static Random For(int seed, int stream, long index)
    {
        var mixed = SplitMix((ulong)(uint)seed ^ ((ulong)(uint)stream << 32));
        mixed = SplitMix(mixed ^ (ulong)index);
        return new Random((int)(mixed & 0x7FFF_FFFF));
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E37_79B9_7F4A_7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return x ^ (x >> 31);
    }
}
