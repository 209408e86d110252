using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Overrides;

namespace Worldloom.Forge.Rules.Tests;

public sealed class DeterminismTests
{
    private const string Shuffler = """
        function onPois(world, rng) {
          const names = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Gorse'];
          for (const s of world.settlements) {
            if (Math.random() < 0.5) world.renameSettlement(s.id, names.splice(rng.int(names.length), 1)[0] + ' ' + rng.range(1, 1000));
          }
          const land = [];
          for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) {
            if (world.isLand(x, y) && world.biome(x, y) !== 'wetland') land.push([x, y]);
          }
          const [x, y] = rng.pick(land);
          world.addPoi({ kind: 'ruin', name: 'Ruin ' + rng.next().toFixed(6), x, y });
          world.setNpcTraits(rng.pick(world.npcs).id, ['lucky']);
        }
        """;

    private static ForgeWorld RunShuffler(string seed)
    {
        var world = TestWorld.Create(seed);
        Rules.Run(Shuffler, "pois", world);
        return world;
    }

    [Fact]
    public void SameScriptAndSeed_SameWorld_WithMathRandomAndRng()
    {
        var first = TestWorld.Dump(RunShuffler("seed-a"));

        Assert.Equal(first, TestWorld.Dump(RunShuffler("seed-a")));
        Assert.NotEqual(first, TestWorld.Dump(RunShuffler("seed-b")));
        Assert.NotEqual(TestWorld.Dump(TestWorld.Create()), first);
    }

    [Fact]
    public void MathRandomAndRng_DrawFromTheStagesRulesStream_InOrder()
    {
        var world = TestWorld.Create();
        var stream = ChaChaRng.ForStage(world.Seed.Bytes, "rules/pois");
        var expectedNext = (stream.NextUInt64() >> 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expectedRandom = (stream.NextUInt64() >> 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expectedInt = stream.NextInt(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var observer = Rules.Run("function onPois(world, rng) { console.log(rng.next() * 2 ** 53, Math.random() * 2 ** 53, rng.int(1000)); }", "pois", world);

        Assert.Equal([$"{expectedNext} {expectedRandom} {expectedInt}"], Rules.Lines(observer));
    }

    [Fact]
    public void Rng_StaysInRange()
    {
        var observer = Rules.Run("""
            function onPois(world, rng) {
              let ok = true;
              for (let i = 0; i < 2000; i++) {
                const d = rng.next(), n = rng.int(7), r = rng.range(-3, 4), p = rng.pick(['a', 'b']);
                ok = ok && d >= 0 && d < 1 && Number.isInteger(n) && n >= 0 && n < 7 && r >= -3 && r < 4 && (p === 'a' || p === 'b');
              }
              const seen = new Set();
              for (let i = 0; i < 200; i++) seen.add(rng.int(7));
              console.log(ok, seen.size);
            }
            """, "pois", TestWorld.Create());

        Assert.Equal(["true 7"], Rules.Lines(observer));
    }

    [Theory]
    [InlineData("rng.int(0)", "max must be at least 1")]
    [InlineData("rng.int(2.5)", "max must be an integer")]
    [InlineData("rng.range(5, 5)", "need min < maxExclusive")]
    [InlineData("rng.range(-2147483648, 2147483647)", "need min < maxExclusive")]
    [InlineData("rng.pick([])", "non-empty array")]
    [InlineData("rng.pick('ab')", "non-empty array")]
    public void Rng_BadArguments_Fail(string call, string message) =>
        Assert.Contains(message, Rules.Fails($"function onPois(world, rng) {{ {call}; }}", "pois", TestWorld.Create()).Message, StringComparison.Ordinal);

    [Fact]
    public void Pipeline_WithAHeightmapHook_IsDeterministic_AndLeavesTheHeightmapAlone()
    {
        const string Script = """
            let landSeen = 0;
            function onHeightmap(world, rng) {
              let land = 0, high = 0, sum = 0;
              for (let y = 0; y < world.height; y++) {
                for (let x = 0; x < world.width; x++) {
                  const e = world.elevation(x, y);
                  sum += e;
                  if (world.isLand(x, y)) land++;
                  if (e > high) high = e;
                }
              }
              landSeen = land;
              console.log(world.width, world.height, world.seaLevel, land, high, sum, Math.floor(Math.random() * 1e9), rng.int(1000));
            }
            """;
        var parameters = new WorldParameters { Width = 64, Height = 64 };
        var script = RuleScript.Compile(Script);

        RuleObserver Generate(string seed, out ForgeWorld world)
        {
            var observer = script.CreateObserver();
            world = WorldPipeline.Generate(ForgeSeed.Parse(seed), parameters, observer);
            return observer;
        }

        var first = Generate("42", out var world);
        var again = Generate("42", out _);
        var other = Generate("43", out _);
        var plain = WorldPipeline.Generate(ForgeSeed.Parse("42"), parameters);

        Assert.Equal(Rules.Lines(first), Rules.Lines(again));
        Assert.NotEqual(Rules.Lines(first), Rules.Lines(other));
        Assert.Equal($"64 64 {world.Heightmap!.SeaLevel} {world.Heightmap.CountLand()} ", Rules.Lines(first).Single()[..($"64 64 {world.Heightmap.SeaLevel} {world.Heightmap.CountLand()} ".Length)]);
        Assert.Equal(plain.Heightmap!.ToBytes(), world.Heightmap.ToBytes());
        Assert.Empty(first.Edits);
    }

    [Fact]
    public void Pipeline_HookError_StopsGeneration()
    {
        var observer = RuleScript.Compile("function onHeightmap(world) {\n  world.biome(0, 0);\n}").CreateObserver();

        var error = Assert.Throws<RuleScriptException>(() => WorldPipeline.Generate(ForgeSeed.Parse("1"), new WorldParameters { Width = 64, Height = 64 }, observer));

        Assert.Equal(("heightmap", 2), (error.Stage, error.Line));
        Assert.Contains("world.biome is not available in onHeightmap: the biomes stage has not run yet.", error.Message, StringComparison.Ordinal);
    }
}
