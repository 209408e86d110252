using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Overrides;

internal static class OverrideAssert
{
    public static OverrideResult Apply(ForgeWorld world, params WorldOverride[] overrides) => OverrideApplier.Apply(world, overrides);

    public static void Succeeded(OverrideResult result) =>
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => $"{e.Field}: {e.Message}")));

    /// <summary>Asserts the result failed with exactly the given fields and that the world is untouched.</summary>
    public static void Rejected(ForgeWorld world, WorldOverride[] overrides, params string[] fields)
    {
        var before = Snapshot.Of(world);
        var result = OverrideApplier.Apply(world, overrides);
        Assert.False(result.Succeeded);
        Assert.Equal(fields, result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        before.AssertUnchanged(world);
    }

    public static Settlement Settlement(ForgeWorld world, string id) => world.Settlements.Single(s => s.Id == id);

    public static Npc Npc(ForgeWorld world, string id) => world.Npcs.Single(n => n.Id == id);

    public static Faction Faction(ForgeWorld world, string id) => world.Factions.Single(f => f.Id == id);

    public static Region Region(ForgeWorld world, string id) => world.Regions.Single(r => r.Id == id);

    public static PointOfInterest Poi(ForgeWorld world, string id) => world.PointsOfInterest.Single(p => p.Id == id);

    /// <summary>The world's list and layer instances and its full text, to prove nothing was replaced or edited.</summary>
    public sealed record Snapshot(object[] Instances, string Text)
    {
        public static Snapshot Of(ForgeWorld world) => new(InstancesOf(world), TestWorld.Dump(world));

        public void AssertUnchanged(ForgeWorld world)
        {
            var now = InstancesOf(world);
            for (var i = 0; i < now.Length; i++)
            {
                Assert.Same(Instances[i], now[i]);
            }

            Assert.Equal(Text, TestWorld.Dump(world));
        }

        private static object[] InstancesOf(ForgeWorld world) =>
            [world.Biomes!, world.Settlements, world.Roads, world.Regions, world.Factions, world.Npcs, world.PointsOfInterest];
    }
}
