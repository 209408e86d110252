namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// A small deterministic generator seeded from text (an entity id, a biome name). System.Random's sequence is not
/// promised across .NET versions, and a location must look the same in every segment ever rendered, so the renderer
/// uses its own: FNV-1a over the text, then SplitMix64.
/// </summary>
internal sealed class Seed
{
    private ulong _state;

    public Seed(string text, string purpose)
    {
        _state = Hash(text) ^ (Hash(purpose) * 0x9E3779B97F4A7C15UL);
    }

    /// <summary>FNV-1a, 64 bit, over the UTF-16 code units.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public float Unit() => (Next() >> 40) / (float)(1UL << 24);

    /// <summary>A value in [min, max).</summary>
    public float Range(float min, float max) => min + (Unit() * (max - min));

    /// <summary>An index in [0, count).</summary>
    public int Pick(int count) => (int)(Next() % (ulong)count);
}
