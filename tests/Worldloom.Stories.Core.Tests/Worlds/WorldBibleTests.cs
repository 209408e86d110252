using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Worlds;

namespace Worldloom.Stories.Core.Tests.Worlds;

public sealed class WorldBibleTests
{
    private static readonly Lazy<ForgeWorld> World = new(() =>
        WorldPipeline.Generate(ForgeSeed.Parse("stories-bible"), new WorldParameters { Width = 128, Height = 128 }));

    private static SceneBible Seeded()
    {
        var result = WorldBible.FromWorld(World.Value);
        Assert.Empty(result.Errors);
        return result.Bible!;
    }

    [Fact]
    public void FromWorld_TakesPeoplePlacesAndCreatures()
    {
        var world = World.Value;
        var state = Seeded().Latest;
        var locations = state.OfKind(EntityKind.Location);
        var characters = state.OfKind(EntityKind.Character);
        var creatures = state.OfKind(EntityKind.Creature);

        Assert.Equal(Math.Min(12, world.Settlements.Count), locations.Count);
        Assert.InRange(characters.Count, 1, 24);
        Assert.Equal(Math.Min(8, world.Bestiary.Count), creatures.Count);

        var largest = world.Settlements.MaxBy(s => s.Population)!;
        var place = locations.Single(l => l.Name == largest.Name);
        Assert.Equal(BiomeNames.ToName(largest.Biome), place.Attribute("biome"));
        Assert.NotEmpty(place.Landmarks);

        var npc = world.Npcs.First(n => characters.Any(c => c.Name == n.Name));
        var person = characters.First(c => c.Name == npc.Name);
        Assert.Equal(npc.Traits, person.Temperament);
        Assert.Equal(npc.Role, person.Attribute("role"));
        Assert.NotEmpty(person.Clothing);

        var species = world.Bestiary[0];
        var beast = creatures.Single(c => c.Name == species.Name);
        Assert.Equal(species.Family.Replace('_', ' '), beast.Attribute("family"));
        Assert.Equal(species.Behaviours, beast.Temperament);
    }

    [Fact]
    public void FromWorld_GeographyRulesFollowTheMap()
    {
        var world = World.Value;
        var state = Seeded().Latest;
        var rules = state.RulesOf<DirectionRule>();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var a = world.Settlements.Single(s => s.Name == state.Entity(rule.EntityId)!.Name);
            var b = world.Settlements.Single(s => s.Name == state.Entity(rule.OtherId)!.Name);
            // Rows grow southwards: "a is north of b" means a's row is smaller.
            var northSouth = CompassNames.NorthSouth(rule.Direction);
            var eastWest = CompassNames.EastWest(rule.Direction);
            Assert.True(northSouth == 0 || northSouth == Math.Sign(b.Location.Y - a.Location.Y), rule.Text);
            Assert.True(eastWest == 0 || eastWest == Math.Sign(a.Location.X - b.Location.X), rule.Text);
        }
    }

    [Fact]
    public void FromWorld_IsDeterministic()
    {
        var again = WorldBible.FromWorld(WorldPipeline.Generate(ForgeSeed.Parse("stories-bible"), new WorldParameters { Width = 128, Height = 128 }));
        Assert.Equal(BibleJson.Write(Seeded()), BibleJson.Write(again.Bible!));
    }

    [Fact]
    public void FromWorld_BibleRoundTripsAndNarratesCleanly()
    {
        var bible = Seeded();
        var read = BibleJson.Read(BibleJson.Write(bible), out var errors);
        Assert.Empty(errors);

        var person = read!.Latest.OfKind(EntityKind.Character)[0];
        var town = read.Latest.OfKind(EntityKind.Location)[0];
        var narrator = new GrammarNarrator();
        for (ulong seed = 0; seed < 20; seed++)
        {
            var prompt = $"{person.Name} walks through {town.Name} at dawn";
            var plan = narrator.Narrate(new NarrationRequest { Bible = read, Segment = 1, Prompt = prompt, Seed = seed }).Plan!;
            Assert.Contains(plan.Shots, s => s.Subjects.Any(x => x.Entity == person.Id));
            Assert.All(plan.Shots, s => Assert.Equal(town.Id, s.Setting.Location));
            var report = ContinuityValidator.Validate(read, plan);
            Assert.True(report.Passed, string.Join("; ", report.Violations.Select(v => v.Message)));
            Assert.Empty(report.Corrections);
        }
    }

    [Fact]
    public void FromWorld_OptionsBoundTheCast()
    {
        var state = WorldBible.FromWorld(World.Value, new WorldBibleOptions { MaxLocations = 2, MaxCharacters = 3, MaxCreatures = 1 }).Bible!.Latest;
        Assert.Equal(2, state.OfKind(EntityKind.Location).Count);
        Assert.InRange(state.OfKind(EntityKind.Character).Count, 1, 3);
        Assert.Single(state.OfKind(EntityKind.Creature));
    }
}
