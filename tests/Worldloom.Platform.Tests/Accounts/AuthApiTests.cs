using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class AuthApiTests
{
    [Fact]
    public async Task Register_Login_Me_ReturnsAccountAndQuota()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("user", me.GetProperty("role").GetString());
        Assert.Equal("free", me.GetProperty("tier").GetString());
        var quota = me.GetProperty("quota");
        Assert.Equal(2, quota.GetProperty("limit").GetInt32());
        Assert.Equal(0, quota.GetProperty("used").GetInt32());
        Assert.Equal(2, quota.GetProperty("remaining").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), quota.GetProperty("resetsAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("{\"email\":\"\",\"password\":\"correct horse battery\",\"displayName\":\"A\"}", "email")]
    [InlineData("{\"email\":\"not-an-email\",\"password\":\"correct horse battery\",\"displayName\":\"A\"}", "email")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":\"short\",\"displayName\":\"A\"}", "password")]
    [InlineData("{\"email\":\"a@example.com\",\"displayName\":\"A\"}", "password")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"   \"}", "displayName")]
    [InlineData("{\"email\":123,\"password\":\"correct horse battery\",\"displayName\":\"A\"}", "email")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":[1],\"displayName\":\"A\"}", "password")]
    [InlineData("{\"email\":\"a@example.com\",", "body")]
    public async Task Register_BadInput_ProblemNamesFieldAndCreatesNothing(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();

        var response = await host.Client().PostAsync("/api/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_EmptyBody_Is400()
    {
        await using var host = await LoomHost.StartAsync();

        var response = await host.Client().PostAsync("/api/auth/register", new StringContent("", Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Register_HugeBody_Is413AndCreatesNothing()
    {
        await using var host = await LoomHost.StartAsync();
        var huge = JsonSerializer.Serialize(new { email = "a@example.com", password = "correct horse battery", displayName = new string('x', 2 * 1024 * 1024) });

        var response = await host.Client().PostAsync("/api/auth/register", new StringContent(huge, Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_DuplicateEmailAnyCase_Is409()
    {
        await using var host = await LoomHost.StartAsync();
        var client = host.Client();
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "Dup@Example.com", password = LoomHost.Password, displayName = "A" })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = "dup@example.COM", password = LoomHost.Password, displayName = "B" });

        await ProblemJson.AssertAsync(again, HttpStatusCode.Conflict, "email");
        Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Register_UnicodeAndSqlLookingText_StoredVerbatim()
    {
        await using var host = await LoomHost.StartAsync();
        const string name = "Ærøskøbing 🐉 '; DROP TABLE users; --";

        var response = await host.Client().PostAsJsonAsync("/api/auth/register", new { email = "robert@example.com", password = LoomHost.Password, displayName = name });

        response.EnsureSuccessStatusCode();
        Assert.Equal(name, await host.WithDbAsync(db => db.Users.Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Register_StoresArgon2idHash_NotPassword()
    {
        await using var host = await LoomHost.StartAsync();
        await host.UserAsync();

        var hash = await host.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).SingleAsync());

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash);
        Assert.DoesNotContain(LoomHost.Password, hash);
    }

    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_GiveTheSameAnswer()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();

        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = LoomHost.Password });
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password!!" });

        var a = await ProblemJson.AssertAsync(unknown, HttpStatusCode.Unauthorized);
        var b = await ProblemJson.AssertAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Refresh_RotatesToken_AndOldOneCannotBeReused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();

        var first = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        first.EnsureSuccessStatusCode();
        var rotated = (await first.Content.ReadFromJsonAsync<TokenPair>())!;
        Assert.NotEqual(user.RefreshToken, rotated.RefreshToken);
        Assert.Equal(900, rotated.ExpiresIn);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(rotated.AccessToken).GetAsync("/api/me")).StatusCode);

        var replay = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ProblemJson.AssertAsync(replay, HttpStatusCode.Unauthorized);

        // Reuse revoked the whole family, so even the newest token of it is dead now.
        var afterReuse = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        await ProblemJson.AssertAsync(afterReuse, HttpStatusCode.Unauthorized);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "auth.refresh.reuse")));
    }

    [Fact]
    public async Task Refresh_ConcurrentUseOfOneToken_OnlyOneSucceeds()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            host.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })));

        Assert.True(results.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        host.Clock.Advance(TimeSpan.FromDays(31));

        var response = await host.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        await ProblemJson.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_RevokesRefreshToken()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken })).StatusCode);
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        await ProblemJson.AssertAsync(refresh, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_FiveFailures_LockAccountFor15Minutes()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();
        for (var i = 0; i < 5; i++)
        {
            await ProblemJson.AssertAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password " + i }), HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = LoomHost.Password });
        await ProblemJson.AssertAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "auth.lockout")));

        host.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var after = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = LoomHost.Password });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Login_FourFailuresThenSuccess_ResetsCount()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password " + i });
        }

        (await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = LoomHost.Password })).EnsureSuccessStatusCode();
        await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password x" });

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = LoomHost.Password })).StatusCode);
    }

    [Fact]
    public async Task Login_TwentyFailuresFromOneAddress_BlockIt()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();
        for (var i = 0; i < 20; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = $"guess{i}@example.com", password = "wrong password!!" });
        }

        var blocked = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = LoomHost.Password });

        var problem = await ProblemJson.AssertAsync(blocked, HttpStatusCode.TooManyRequests);
        Assert.Contains("address", problem.GetProperty("detail").GetString());
        Assert.NotNull(blocked.Headers.RetryAfter);
    }
}
