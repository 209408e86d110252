using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Documents;

public sealed class WorldOverrideJsonTests
{
    public static IEnumerable<string> Texts(IEnumerable<WorldOverride> overrides) =>
        overrides.Select(o => Encoding.UTF8.GetString(WorldOverrideJson.Write(o)));

    private static IReadOnlyList<ParameterError> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(WorldOverrideJson.TryParseList(document.RootElement, "overrides", out var values, out var errors));
        Assert.Null(values);
        return errors;
    }

    public static TheoryData<string, WorldOverride> Examples => new()
    {
        { """{"kind":"move_settlement","settlementId":"settlement-4","to":{"x":25,"y":12}}""", new MoveSettlement("settlement-4", new GridPoint(25, 12)) },
        { """{"kind":"rename_settlement","name":"Fordham","settlementId":"settlement-2"}""", new RenameSettlement("settlement-2", "Fordham") },
        { """{"kind":"delete_settlement","settlementId":"settlement-4"}""", new DeleteSettlement("settlement-4") },
        { """{"biome":"savanna","kind":"set_region_biome","regionId":"region-3"}""", new SetRegionBiome("region-3", Biome.Savanna) },
        { """{"factionId":"faction-2","kind":"set_region_faction","regionId":"region-2"}""", new SetRegionFaction("region-2", "faction-2") },
        { """{"kind":"pin_npc_traits","npcId":"npc-1","traits":["honest","greedy"]}""", new PinNpcTraits("npc-1", ["honest", "greedy"]) },
        { """{"hookText":"Go.","kind":"add_poi","location":{"x":1,"y":2},"name":"Moonwell","poiKind":"shrine"}""", new AddPointOfInterest("shrine", "Moonwell", new GridPoint(1, 2), "Go.") },
        { """{"kind":"add_poi","location":{"x":1,"y":2},"name":"Hollow","poiKind":"cave"}""", new AddPointOfInterest("cave", "Hollow", new GridPoint(1, 2), null) },
        { """{"biome":"wetland","cell":{"x":30,"y":24},"kind":"set_cell_biome"}""", new SetCellBiome(new GridPoint(30, 24), Biome.Wetland) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void WriteAndParse_EachKind_RoundTrips(string json, WorldOverride value)
    {
        Assert.Equal(json, Encoding.UTF8.GetString(WorldOverrideJson.Write(value)));
        using var document = JsonDocument.Parse(json);
        Assert.True(WorldOverrideJson.TryParse(document.RootElement, "overrides[0]", out var parsed, out var errors), string.Join("; ", errors));
        Assert.Equal(value.Kind, parsed.Kind);
        Assert.Equal(json, Encoding.UTF8.GetString(WorldOverrideJson.Write(parsed)));
    }

    [Fact]
    public void Parse_SingleOverride_NamesFieldsBare()
    {
        using var good = JsonDocument.Parse("""{"kind":"delete_settlement","settlementId":"settlement-3"}""");
        using var bad = JsonDocument.Parse("""{"kind":"move_settlement","settlementId":"s","to":{"x":4096,"y":0}}""");

        var ok = WorldOverrideJson.Parse(good.RootElement);
        var failed = WorldOverrideJson.Parse(bad.RootElement);

        Assert.Equal(new DeleteSettlement("settlement-3"), ok.Override);
        Assert.Empty(ok.Errors);
        Assert.Null(failed.Override);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("to.x", error.Field);
        Assert.Contains("between 0 and 4095", error.Message);
    }

    [Fact]
    public void AllKinds_HaveAnExample() =>
        Assert.Equal(WorldOverrideJson.AllKinds.Order(), Examples.Select(e => ((WorldOverride)e[1]).Kind).Distinct().Order());

    [Fact]
    public void Parse_HookTextNull_IsNoHook()
    {
        using var document = JsonDocument.Parse("""{"kind":"add_poi","location":{"x":1,"y":2},"name":"Hollow","poiKind":"cave","hookText":null}""");

        Assert.True(WorldOverrideJson.TryParse(document.RootElement, "o", out var parsed, out _));
        Assert.Null(((AddPointOfInterest)parsed).HookText);
    }

    [Fact]
    public void ParseList_BadItems_NamesEveryFieldWithItsIndex()
    {
        var errors = Errors("""
            [
              {"kind":"delete_settlement","settlementId":"settlement-1"},
              {"kind":"rename_settlement","name":""},
              {"kind":"move_settlement","settlementId":7,"to":{"x":-1,"y":2,"z":0}}
            ]
            """);

        Assert.Equal(
            ["overrides[1].name", "overrides[1].settlementId", "overrides[2].settlementId", "overrides[2].to.x", "overrides[2].to.z"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Field == "overrides[1].name" && e.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "overrides[2].settlementId" && e.Message.Contains("expected a string", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""[{"kind":"paint_sky"}]""", "overrides[0].kind", "unknown override kind")]
    [InlineData("""[{"settlementId":"settlement-1"}]""", "overrides[0].kind", "missing")]
    [InlineData("""[{"kind":"set_cell_biome","cell":{"x":1,"y":1},"biome":"lava"}]""", "overrides[0].biome", "unknown biome")]
    [InlineData("""[{"kind":"delete_settlement","settlementId":"s","extra":1}]""", "overrides[0].extra", "unknown field")]
    [InlineData("""[{"kind":"pin_npc_traits","npcId":"npc-1","traits":"brave"}]""", "overrides[0].traits", "expected an array")]
    [InlineData("""[{"kind":"pin_npc_traits","npcId":"npc-1","traits":["brave",""]}]""", "overrides[0].traits[1]", "1 to 64")]
    [InlineData("""[{"kind":"move_settlement","settlementId":"s","to":{"x":1.5,"y":2}}]""", "overrides[0].to.x", "expected an integer")]
    [InlineData("""[{"kind":"rename_settlement","settlementId":"s","name":"\ud800"}]""", "overrides[0].name", "unpaired surrogate")]
    [InlineData("""[7]""", "overrides[0]", "expected an object")]
    [InlineData("""{"kind":"delete_settlement"}""", "overrides", "expected an array")]
    public void ParseList_BadInput_NamesTheField(string json, string field, string fragment)
    {
        var errors = Errors(json);

        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseList_Valid_KeepsOrder()
    {
        var json = "[" + string.Join(",", WorldFixture.Overrides().Select(o => Encoding.UTF8.GetString(WorldOverrideJson.Write(o)))) + "]";
        using var document = JsonDocument.Parse(json);

        Assert.True(WorldOverrideJson.TryParseList(document.RootElement, "overrides", out var values, out _));
        Assert.Equal(Texts(WorldFixture.Overrides()), Texts(values));
    }
}
