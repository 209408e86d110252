using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Tests.Narration;

public sealed class PromptReaderTests
{
    private static PromptReading Read(string prompt) => PromptReader.Read(prompt, TestBibles.Sample().Latest);

    [Fact]
    public void Read_MatchesIdsNamesAliasesAndFirstNames_InPromptOrder()
    {
        var reading = Read("Ana Sorel waves; char_mira and the wolf watch. The key glints.");
        Assert.Equal(["char_ana", "char_mira", "beast_wolf", "prop_key"], reading.Mentioned.Select(e => e.Id));
        Assert.Empty(reading.Locations);
    }

    [Fact]
    public void Read_PartOfAWord_IsNoMatch()
    {
        Assert.Empty(Read("Miranda and Anabel wait by the towering gate").Mentioned);
    }

    [Fact]
    public void Read_GroupsActorsAndKeepsPlacesInTheirClause()
    {
        var reading = Read("Mira and Ana search the old tower, then Tomas speaks to Mira at dusk.");
        Assert.Equal(
            [(["char_mira", "char_ana"], "search the old tower"), (["char_tomas"], "speaks to Mira at dusk")],
            reading.Deeds.Select(d => (d.Actors.ToArray(), d.Clause)));
        Assert.Equal(["loc_tower"], reading.Locations.Select(l => l.Id));
        Assert.Equal(["char_tomas"], reading.Speakers);
    }

    [Fact]
    public void Read_NamesInsideAClause_BelongToIt()
    {
        var reading = Read("Mira meets Ana at the tower and asks about the key. The wolf howls");
        Assert.Equal(
            [(["char_mira"], "meets Ana at the tower and asks about the key"), (["beast_wolf"], "howls")],
            reading.Deeds.Select(d => (d.Actors.ToArray(), d.Clause)));
        Assert.Empty(reading.Speakers);
    }

    [Fact]
    public void Read_NamesAcrossASentenceBreak_DoNotActTogether()
    {
        var reading = Read("Mira. Ana runs, Tomas hides");
        Assert.Equal(
            [(["char_ana"], "runs"), (["char_tomas"], "hides")],
            reading.Deeds.Select(d => (d.Actors.ToArray(), d.Clause)));
    }

    [Fact]
    public void Read_FindsTimeWeatherBiomeAndMood()
    {
        var reading = Read("At midnight, in the fog, someone flees across the marsh");
        Assert.Equal((TimeOfDay.Night, Weather.Fog, Biome.Wetland, Mood.Chase), (reading.Time, reading.Weather, reading.Biome, reading.Mood));
        Assert.Null(Read("hello").Mood);
    }
}
