using System.Text;
using System.Text.Json.Nodes;
using Worldloom.Forge.Core.Documents;

namespace Worldloom.Forge.Tests.Documents;

public sealed class WorldDocumentErrorTests
{
    private static readonly byte[] Document = WorldDocument.Write(WorldFixture.Create(), WorldFixture.Overrides());

    private static WorldDocumentException ReadMutated(Action<JsonObject> mutate)
    {
        var root = JsonNode.Parse(Document)!.AsObject();
        mutate(root);
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        return Assert.Throws<WorldDocumentException>(() => WorldDocument.Read(bytes, out _));
    }

    private static void Expect(string path, string fragment, Action<JsonObject> mutate)
    {
        var error = ReadMutated(mutate);
        Assert.Equal(path, error.Path);
        Assert.Contains(fragment, error.Message);
        Assert.StartsWith(path.Length == 0 ? "" : path + ": ", error.Message);
    }

    [Fact]
    public void Read_NotJson_SaysSo()
    {
        var error = Assert.Throws<WorldDocumentException>(() => WorldDocument.Read("{\"format\":"u8.ToArray(), out _));

        Assert.Equal("", error.Path);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Read_NotAnObject_SaysSo() =>
        Assert.Contains("expected an object", Assert.Throws<WorldDocumentException>(() => WorldDocument.Read("[1]"u8.ToArray(), out _)).Message);

    [Fact]
    public void Read_UnknownFormat_NamesFormat() => Expect("format", "unknown format \"worldloom.world/2\"", r => r["format"] = "worldloom.world/2");

    [Fact]
    public void Read_OtherGenerator_NamesGenerator() => Expect("generator", "forge/0", r => r["generator"] = "forge/0");

    [Fact]
    public void Read_MissingField_NamesIt() => Expect("settlements", "missing", r => r.Remove("settlements"));

    [Fact]
    public void Read_UnknownField_NamesIt() => Expect("settlements[1].mayor", "unknown field", r => r["settlements"]![1]!["mayor"] = "Bob");

    [Fact]
    public void Read_WrongType_NamesTheField() => Expect("settlements[3].location", "expected an object", r => r["settlements"]![3]!["location"] = "24,11");

    [Fact]
    public void Read_PointOutsideMap_NamesTheCoordinate() => Expect("settlements[2].location.x", "between 0 and 63", r => r["settlements"]![2]!["location"]!["x"] = 64);

    [Fact]
    public void Read_Fraction_IsNotAnInteger() => Expect("npcs[0].age", "expected an integer", r => r["npcs"]![0]!["age"] = 41.5);

    [Fact]
    public void Read_UnknownBiomeName_NamesIt() => Expect("regions[2].biome", "unknown biome \"lava\"", r => r["regions"]![2]!["biome"] = "lava");

    [Fact]
    public void Read_UnknownSpeciesBiome_NamesTheItem() => Expect("bestiary[0].biomes[1]", "unknown biome", r => r["bestiary"]![0]!["biomes"]![1] = "Grassland");

    [Fact]
    public void Read_WrongLayerLength_NamesTheData() =>
        Expect("layers.height.data", "a 64×64 \"u16le\" layer holds 8192", r => r["layers"]!["height"]!["data"] = Convert.ToBase64String(new byte[100]));

    [Fact]
    public void Read_WrongLayerEncoding_NamesIt() => Expect("layers.flow.encoding", "not \"u16le\"", r => r["layers"]!["flow"]!["encoding"] = "u16le");

    [Fact]
    public void Read_WrongLayerSize_NamesIt() => Expect("layers.biomes.width", "the world is 64×64", r => r["layers"]!["biomes"]!["width"] = 48);

    [Fact]
    public void Read_BadBase64_NamesTheData() => Expect("layers.moisture.data", "base64", r => r["layers"]!["moisture"]!["data"] = "not base64!");

    [Fact]
    public void Read_UnknownBiomeByte_NamesTheCell()
    {
        var biomes = WorldFixture.Create().Biomes!.Cells.ToArray();
        biomes[130] = 200;

        Expect("layers.biomes.data", "cell 130 holds 200", r => r["layers"]!["biomes"]!["data"] = Convert.ToBase64String(biomes));
    }

    [Fact]
    public void Read_RegionIndexBeyondRegions_NamesTheLayer()
    {
        var regions = new byte[64 * 64 * 4];
        regions[0] = 4;

        Expect("layers.regions.data", "cell 0 holds 4", r => r["layers"]!["regions"]!["data"] = Convert.ToBase64String(regions));
    }

    [Fact]
    public void Read_ClimateHalfMissing_SaysTheyComeTogether() =>
        Expect("layers.moisture", "come together", r => r["layers"]!.AsObject().Remove("moisture"));

    [Fact]
    public void Read_RiversWithoutHydrology_Fails() =>
        Expect("rivers", "no rivers", r =>
        {
            r["layers"]!.AsObject().Remove("flow");
            r["layers"]!.AsObject().Remove("lakes");
        });

    [Fact]
    public void Read_SeaLevelWithoutHeight_Fails() => Expect("seaLevel", "no sea level", r => r["layers"]!.AsObject().Remove("height"));

    [Fact]
    public void Read_DuplicateId_NamesTheSecond() => Expect("npcs[2].id", "\"npc-1\" is used twice", r => r["npcs"]![2]!["id"] = "npc-1");

    [Fact]
    public void Read_RoadToNowhere_NamesTheEnd() => Expect("roads[1].to", "\"settlement-9\" names nothing", r => r["roads"]![1]!["to"] = "settlement-9");

    [Fact]
    public void Read_FactionRelationToNowhere_NamesIt() =>
        Expect("factions[0].relations[0].factionId", "names nothing", r => r["factions"]![0]!["relations"]![0]!["factionId"] = "faction-7");

    [Fact]
    public void Read_OddPathLength_NamesThePath() => Expect("rivers[0].path", "flat [x,y,x,y,...]", r => r["rivers"]![0]!["path"]!.AsArray().RemoveAt(0));

    [Fact]
    public void Read_LakeMouthWithoutLake_NamesLakeId() => Expect("rivers[0].lakeId", "ends in a lake", r => r["rivers"]![0]!.AsObject().Remove("lakeId"));

    [Fact]
    public void Read_BadColour_NamesIt() => Expect("factions[1].color", "#rrggbb", r => r["factions"]![1]!["color"] = "#D08030");

    [Fact]
    public void Read_UnknownPreset_NamesIt() => Expect("parameters.preset", "unknown preset \"pangaea\"", r => r["parameters"]!["preset"] = "pangaea");

    [Fact]
    public void Read_ParameterOutOfRange_NamesIt() => Expect("parameters.seaLevel", "between 0 and 100", r => r["parameters"]!["seaLevel"] = 101);

    [Fact]
    public void Read_SizeDisagreesWithLayers_NamesTheLayer() => Expect("layers.height.width", "the world is 96×64", r => r["parameters"]!["width"] = 96);

    [Fact]
    public void Read_SeedKindWrong_NamesIt() => Expect("seed.kind", "is a string seed", r => r["seed"]!["kind"] = "integer");

    [Fact]
    public void Read_SummaryEdited_SaysItDoesNotMatch() => Expect("summary", "does not match the world", r => r["summary"]!["settlements"] = 5);

    [Fact]
    public void Read_BadOverride_NamesItsField() => Expect("overrides[1].to", "missing", r => r["overrides"]![1]!.AsObject().Remove("to"));

    [Fact]
    public void Read_DuplicateKey_NamesIt()
    {
        var text = Encoding.UTF8.GetString(Document).Replace("{\"bestiary\":", "{\"format\":\"x\",\"bestiary\":", StringComparison.Ordinal);

        var error = Assert.Throws<WorldDocumentException>(() => WorldDocument.Read(Encoding.UTF8.GetBytes(text), out _));

        Assert.Equal("format", error.Path);
        Assert.Contains("twice", error.Message);
    }
}
