using System.Net;
using System.Text.Json;

namespace Worldloom.Platform.Tests.Support;

/// <summary>Reads an RFC 9457 problem and checks it names what it should.</summary>
public static class ProblemJson
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"problem does not name field '{field}': {text}");
            Assert.Contains(field, json.GetProperty("detail").GetString());
        }

        return json;
    }
}
