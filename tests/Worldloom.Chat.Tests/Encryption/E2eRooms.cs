using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

/// <summary>Shared steps: an encrypted room with members who each have a device.</summary>
public static class E2eRooms
{
    public static async Task<Guid> CreateAsync(TestUser owner, string kind = "public")
    {
        var room = await ChatApi.JsonAsync(await owner.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Vault", kind, encrypted = true }), HttpStatusCode.Created);
        Assert.True(room.GetProperty("encrypted").GetBoolean());
        return room.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ProblemCodeAsync(HttpResponseMessage response, HttpStatusCode status, string code, string field = "body")
    {
        var problem = await ProblemJson.AssertAsync(response, status, field);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
