using System.Collections.Concurrent;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Realms.Core.Tests.Zones;

/// <summary>Generated worlds shared by the tests (generation takes a while; the worlds are never edited).</summary>
internal static class TestWorlds
{
    private static readonly ConcurrentDictionary<(string, int, int, WorldPreset), ForgeWorld> Cache = new();

    /// <summary>The world of <paramref name="seed"/> at the given size and preset.</summary>
    public static ForgeWorld Get(string seed, int width = 256, int height = 256, WorldPreset preset = WorldPreset.Continent) =>
        Cache.GetOrAdd((seed, width, height, preset), k =>
            WorldPipeline.Generate(ForgeSeed.Parse(k.Item1), new WorldParameters { Width = k.Item2, Height = k.Item3, Preset = k.Item4 }));
}
