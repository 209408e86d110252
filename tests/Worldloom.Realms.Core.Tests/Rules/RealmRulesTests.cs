using System.Text.Json.Nodes;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Tests.Simulation;
using Worldloom.Realms.Core.Tests.Zones;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Rules;

public sealed class RealmRulesTests
{
    private static string DefaultJson()
    {
        using var stream = typeof(RealmRules).Assembly.GetManifestResourceStream("Worldloom.Realms.Core.Data.realm.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static string Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(DefaultJson())!;
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Default_HasTheMageWithItsThreeSkills()
    {
        var rules = RealmRules.Default;
        var mage = rules.Classes[rules.ClassIndex("mage")];

        Assert.Equal(3, mage.Skills.Count);
        Assert.Equal(["magic_missile", "arcane_nova", "heal"], mage.Skills.Select(i => rules.Skills[i].Id));
        Assert.Equal(SkillKind.Projectile, rules.Skills[mage.Skills[0]].Kind);
        Assert.Equal(SkillKind.Nova, rules.Skills[mage.Skills[1]].Kind);
        Assert.Equal(SkillKind.Heal, rules.Skills[mage.Skills[2]].Kind);
        Assert.True(mage.MaxHp > 0 && mage.MaxMana > 0 && mage.Speed > 0);
        Assert.Equal(32, rules.Hash.Count);
    }

    [Fact]
    public void Parse_MillisecondsBecomeTicks()
    {
        var rules = RealmRules.Parse(Edit(n => n["skills"]![2]!["castMs"] = 1500));

        Assert.Equal(30, rules.Skills.Single(s => s.Id == "heal").CastTicks);
    }

    [Fact]
    public void Parse_FamiliesMapToArchetypes_UnlistedFamilyGetsTheDefault()
    {
        var rules = RealmRules.Default;

        Assert.Equal("brute", rules.Archetypes[rules.ArchetypeFor("bear")].Id);
        Assert.Equal("biter", rules.Archetypes[rules.ArchetypeFor("wolf")].Id);
        Assert.Equal(rules.DefaultArchetype, rules.ArchetypeFor("no_such_family"));
        Assert.Equal(TelegraphShape.Circle, rules.Archetypes[rules.ArchetypeIndex("brute")].Telegraph);
    }

    [Theory]
    [InlineData("cooldown not a tick", "$.skills[0].cooldownMs")]
    [InlineData("missing class hp", "$.classes[0].hp")]
    [InlineData("unknown skill in class", "$.classes[0].skills[1]")]
    [InlineData("bad telegraph shape", "$.archetypes[1].telegraph.shape")]
    [InlineData("negative damage", "$.skills[1].damage")]
    [InlineData("no default archetype", "$.archetypes")]
    [InlineData("duplicate skill", "$.skills[1].id")]
    public void Parse_BadValue_NamesItsPath(string change, string path)
    {
        var json = Edit(n =>
        {
            switch (change)
            {
                case "cooldown not a tick": n["skills"]![0]!["cooldownMs"] = 333; break;
                case "missing class hp": n["classes"]![0]!.AsObject().Remove("hp"); break;
                case "unknown skill in class": n["classes"]![0]!["skills"]![1] = "fireball"; break;
                case "bad telegraph shape": n["archetypes"]![1]!["telegraph"]!["shape"] = "square"; break;
                case "negative damage": n["skills"]![1]!["damage"] = -5; break;
                case "no default archetype": n["archetypes"]![0]!.AsObject().Remove("default"); break;
                case "duplicate skill": n["skills"]![1]!["id"] = "magic_missile"; break;
            }
        });

        var error = Assert.Throws<RealmRulesException>(() => RealmRules.Parse(json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_FailsAtTheRoot()
    {
        var error = Assert.Throws<RealmRulesException>(() => RealmRules.Parse("{ nope"));

        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void NewCharacter_UnknownClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => RealmRules.Default.NewCharacter("bard"));
        Assert.Equal(RealmRules.Default.Classes[0].MaxHp, RealmRules.Default.NewCharacter("mage").Hp);
    }

    [Fact]
    public void WithEnemiesPerZone_StandsThatMany_UnderItsOwnHash()
    {
        var map = ZoneCut.Cut(TestWorlds.Get("realm test"), new ZoneKey(0, 0));
        var walkable = 0;
        foreach (var c in map.Cost)
        {
            walkable += c != 0 ? 1 : 0;
        }

        // perZone is per 128² of land, so this asks for exactly 300 on this zone's land.
        var perZone = (int)(((300L * 128 * 128) + walkable - 1) / walkable);
        var rules = RealmRules.Default.WithEnemiesPerZone(perZone);
        var sim = Zone.Open(map, rules);

        Assert.Equal(perZone, rules.EnemiesPerZone);
        Assert.Equal(RealmRules.Default.EnemiesPerZone, RealmRules.Default.WithEnemiesPerZone(1).WithEnemiesPerZone(RealmRules.Default.EnemiesPerZone).EnemiesPerZone);
        Assert.Equal(300, sim.EnemyTarget);
        Assert.NotEqual(RealmRules.Default.Hash, rules.Hash);
        Assert.Equal(rules.Hash, RealmRules.Default.WithEnemiesPerZone(perZone).Hash);
        Assert.Equal(RealmRules.Default.Skills, rules.Skills);
        Assert.Throws<ArgumentOutOfRangeException>(() => RealmRules.Default.WithEnemiesPerZone(-1));
    }
}
