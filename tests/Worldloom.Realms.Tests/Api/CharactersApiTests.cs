using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;
using Worldloom.Realms.Characters;

namespace Worldloom.Realms.Tests.Api;

[Trait("Category", "Integration")]
public sealed class CharactersApiTests(RealmHost fixture) : IClassFixture<RealmHost>
{
    [Fact]
    public async Task Create_PlacesTheCharacterInAZoneWithASpawn_ListsOnlyTheCallers()
    {
        var realm = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        var character = await RealmHost.CharacterAsync(fixture.Owner, realm, "Ada Lovelace");
        Assert.Equal("Ada Lovelace", character.GetProperty("name").GetString());
        Assert.Equal("mage", character.GetProperty("class").GetString());
        Assert.Equal(Core.Rules.RealmRules.Default.Classes[0].MaxHp, character.GetProperty("hp").GetInt32());
        var (x, y) = (character.GetProperty("zoneX").GetInt32(), character.GetProperty("zoneY").GetInt32());
        var map = await fixture.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{realm}/zones/{x}/{y}/map");
        Assert.Contains(map.GetProperty("spawns").EnumerateArray(), s => s.GetProperty("forPlayers").GetBoolean());

        // An admin may enter the realm with a character of their own; each sees only theirs.
        var admin = await fixture.Host.UserAsync(Roles.Admin);
        await RealmHost.CharacterAsync(admin, realm, "Root");
        var mine = await fixture.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{realm}/characters");
        Assert.Equal(["Ada Lovelace"], mine.EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var read = await fixture.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{realm}");
        Assert.Equal(2, read.GetProperty("zones").EnumerateArray().Sum(z => z.GetProperty("players").GetInt32()));
        Assert.True(await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.character.create")));
    }

    [Theory]
    [InlineData("""{"name":"","class":"mage"}""", "name")]
    [InlineData("""{"name":"   ","class":"mage"}""", "name")]
    [InlineData("""{"name":"A","class":"mage"}""", "name")]
    [InlineData("""{"name":"LONG","class":"mage"}""", "name")]
    [InlineData("""{"name":"Bad\u0000Name","class":"mage"}""", "name")]
    [InlineData("""{"name":"Two  Spaces","class":"mage"}""", "name")]
    [InlineData("""{"name":"9Lives","class":"mage"}""", "name")]
    [InlineData("""{"name":"Zed\u200B","class":"mage"}""", "name")]
    [InlineData("""{"name":42,"class":"mage"}""", "name")]
    [InlineData("""{"name":"Valid","class":"warrior"}""", "class")]
    [InlineData("""{"name":"Valid"}""", "class")]
    [InlineData("""{"name":"Valid","class":{"id":"mage"}}""", "class")]
    public async Task Create_BadInput_NamesTheField_AndMakesNothing(string json, string field)
    {
        var realm = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        var body = json.Replace("LONG", new string('a', 25), StringComparison.Ordinal);
        var response = await fixture.Owner.Client.PostAsync($"/api/realms/{realm}/characters", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().CountAsync(c => c.RealmId == realm)));
    }

    [Fact]
    public async Task Create_ATakenName_Is409()
    {
        var realm = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        await RealmHost.CharacterAsync(fixture.Owner, realm, "Morgana");
        var again = await fixture.Owner.Client.PostAsJsonAsync($"/api/realms/{realm}/characters", new { name = "Morgana", @class = "mage" });
        await ProblemJson.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(1, await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().CountAsync(c => c.RealmId == realm)));
    }

    [Fact]
    public async Task Create_InAnUnknownRealm_Is404()
    {
        var response = await fixture.Owner.Client.PostAsJsonAsync($"/api/realms/{Guid.NewGuid()}/characters", new { name = "Lost", @class = "mage" });
        await ProblemJson.AssertAsync(response, HttpStatusCode.NotFound);
    }
}
