using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Tests.Support;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Tests.Quotas;

[Trait("Category", "Integration")]
public sealed class QuotaTests
{
    // A generation-shaped endpoint built the way modules use the quota service: ask, then 429 or proceed.
    private static void MapGenerate(WebApplication app) =>
        app.MapPost("/test/generate", async (System.Security.Claims.ClaimsPrincipal principal, IQuotaService quota, Worldloom.Platform.Hosting.LoomClock clock, HttpResponse response) =>
        {
            var tier = principal.FindFirst(LoomClaims.Tier)!.Value;
            var decision = await quota.TryConsumeAsync(principal.UserId(), tier);
            if (!decision.Allowed)
            {
                return QuotaResults.Exceeded(decision.Status, clock.GetUtcNow());
            }

            QuotaResults.WriteHeaders(response, decision.Status);
            return Results.Ok(decision.Status);
        }).RequireAuthorization();

    [Fact]
    public async Task FiftyConcurrentRequests_AgainstQuotaOfTwo_ExactlyTwoPass()
    {
        await using var host = await LoomHost.StartAsync(map: MapGenerate);
        var user = await host.UserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => user.Client.PostAsync("/test/generate", null)));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(48, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(2, me.GetProperty("quota").GetProperty("used").GetInt32());
        Assert.Equal(0, me.GetProperty("quota").GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task OverQuota_429WithRetryAfterToMondayAndHeaders()
    {
        await using var host = await LoomHost.StartAsync(map: MapGenerate);
        var user = await host.UserAsync();
        var ok = await user.Client.PostAsync("/test/generate", null);
        Assert.Equal("2", ok.Headers.GetValues("X-Quota-Limit").Single());
        Assert.Equal("1", ok.Headers.GetValues("X-Quota-Remaining").Single());
        await user.Client.PostAsync("/test/generate", null);

        var refused = await user.Client.PostAsync("/test/generate", null);

        await ProblemJson.AssertAsync(refused, HttpStatusCode.TooManyRequests);
        // Wednesday 12:00 to Monday 00:00 is 4.5 days.
        Assert.Equal(TimeSpan.FromDays(4.5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("0", refused.Headers.GetValues("X-Quota-Remaining").Single());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Headers.GetValues("X-Quota-Reset").Single());
    }

    [Fact]
    public async Task NewIsoWeek_ResetsQuota()
    {
        await using var host = await LoomHost.StartAsync(map: MapGenerate);
        var user = await host.UserAsync();
        await user.Client.PostAsync("/test/generate", null);
        await user.Client.PostAsync("/test/generate", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await user.Client.PostAsync("/test/generate", null)).StatusCode);

        host.Clock.Set(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var nextWeek = await host.LoginAsync(user.Id, user.Email);

        Assert.Equal(HttpStatusCode.OK, (await nextWeek.Client.PostAsync("/test/generate", null)).StatusCode);
    }

    [Fact]
    public async Task LifetimeTier_IsUnlimited()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: "lifetime");
        using var scope = host.Services.CreateScope();
        var quota = scope.ServiceProvider.GetRequiredService<IQuotaService>();

        for (var i = 0; i < 150; i++)
        {
            Assert.True((await quota.TryConsumeAsync(user.Id, "lifetime")).Allowed);
        }

        var status = await quota.GetAsync(user.Id, "lifetime");
        Assert.Null(status.Limit);
        Assert.Null(status.Remaining);
        Assert.Equal(150, status.Used);
    }

    [Fact]
    public async Task ProTier_AllowsOneHundred()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: "pro");
        using var scope = host.Services.CreateScope();
        var quota = scope.ServiceProvider.GetRequiredService<IQuotaService>();

        var allowed = 0;
        for (var i = 0; i < 105; i++)
        {
            allowed += (await quota.TryConsumeAsync(user.Id, "pro")).Allowed ? 1 : 0;
        }

        Assert.Equal(100, allowed);
    }
}
