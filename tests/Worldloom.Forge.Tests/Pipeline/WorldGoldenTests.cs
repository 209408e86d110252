using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Pipeline;

/// <summary>
/// The determinism contract for whole worlds: the SHA-256 of the canonical document (every layer and list) for three
/// seeds at two sizes. If one of these moves, every stored world has moved: bump <see cref="WorldPipeline.GeneratorVersion"/>
/// and re-pin on purpose, never silently.
/// </summary>
public sealed class WorldGoldenTests
{
    [Theory]
    [InlineData("42", 64, "3af2e7612dde816b75abbacc59fbb0d83d68da6be8d35649627e274d4ef3a0cf")]
    [InlineData("42", 256, "87a0aa1ef16e480e8d0210446989d0ec5b67f54e4c1348c408e7816473684fde")]
    [InlineData("dragon coast", 64, "bf2ad2d29d977e4cfb650f1c401150bc89a834a2458274289ab8d88cab8b1974")]
    [InlineData("dragon coast", 256, "f3a0ff1a6cbf01ee98d9ff745961ba444ae51b9766e08a4f6eb2744e253d7d08")]
    [InlineData("-7301", 64, "061a02172cd344a31ba2e35cd86c230a418dacae7de3cfe7bb8b1cbf312291d7")]
    [InlineData("-7301", 256, "fb29ad4eda5453083057d4903e5a6a070da10bbdec96ae70218a4626fd2b1eea")]
    public void Document_MatchesGoldenHash(string seed, int size, string expected)
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse(seed), new WorldParameters { Width = size, Height = size });

        Assert.Equal(expected, WorldDocument.Hash(WorldDocument.Write(world, [])));
    }

    [Fact]
    public void Document_IsTheSame_WhenWorldsAreGeneratedInParallel()
    {
        var hashes = new string[6];
        Parallel.For(0, hashes.Length, i =>
        {
            var world = WorldPipeline.Generate(ForgeSeed.Parse("parallel"), new WorldParameters { Width = 128, Height = 96, Preset = WorldPreset.Highlands });
            hashes[i] = WorldDocument.Hash(WorldDocument.Write(world, []));
        });

        Assert.Single(hashes.Distinct());
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(100, 50)]
    [InlineData(50, 0)]
    [InlineData(95, 0)]
    public void ExtremeWorlds_RoundTripThroughTheirDocument(int seaLevel, int density)
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse("edge"), new WorldParameters { Width = 64, Height = 64, SeaLevel = seaLevel, SettlementDensity = density });
        var bytes = WorldDocument.Write(world, []);

        var back = WorldDocument.Read(bytes, out _);

        Assert.Equal(bytes, WorldDocument.Write(back, []));
    }
}
