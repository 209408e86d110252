using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Audit;

[Trait("Category", "Integration")]
public sealed class AuditChainTests
{
    [Fact]
    public async Task StateChanges_AreAppended_AndChainVerifies()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        (await user.Client.PostAsJsonAsync("/api/projects", new { name = "Audited" })).EnsureSuccessStatusCode();

        var actions = await host.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Seq).Select(a => a.Action).ToListAsync());
        var verification = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();

        Assert.Equal(["auth.register", "auth.login", "project.create"], actions);
        Assert.True(verification.Ok, verification.Reason);
        Assert.Equal(3, verification.Count);
    }

    [Fact]
    public async Task ConcurrentAppends_NoGapsNoForks()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => user.Client.PostAsJsonAsync("/api/projects", new { name = $"P{i}" })));

        Assert.All(responses, r => r.EnsureSuccessStatusCode());
        var seqs = await host.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Seq).Select(a => a.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 42).Select(i => (long)i), seqs);
        Assert.True((await host.Services.GetRequiredService<IAuditChain>().VerifyAsync()).Ok);
    }

    [Fact]
    public async Task TamperedRow_VerifyNamesItsSeq()
    {
        await using var host = await LoomHost.StartAsync();
        await SeedAsync(host, 5);

        await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Seq == 3).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "mallory")));
        var result = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public async Task RemovedRow_VerifyNamesTheGap()
    {
        await using var host = await LoomHost.StartAsync();
        await SeedAsync(host, 5);

        await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Seq == 4).ExecuteDeleteAsync());
        var result = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBadSeq);
    }

    [Fact]
    public async Task SwappedRows_VerifyFails()
    {
        await using var host = await LoomHost.StartAsync();
        await SeedAsync(host, 5);

        // Swap the contents of entries 2 and 3 while keeping their seq numbers: a reordering.
        await host.WithDbAsync(async db =>
        {
            var two = await db.AuditEntries.SingleAsync(a => a.Seq == 2);
            var three = await db.AuditEntries.SingleAsync(a => a.Seq == 3);
            (two.Action, three.Action) = (three.Action, two.Action);
            (two.Hash, three.Hash) = (three.Hash, two.Hash);
            (two.Signature, three.Signature) = (three.Signature, two.Signature);
            await db.SaveChangesAsync();
        });
        var result = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBadSeq);
    }

    [Fact]
    public async Task RotatedKey_ChainStillVerifiesAcrossKeys()
    {
        await using var host = await LoomHost.StartAsync();
        await SeedAsync(host, 2);
        host.Services.GetRequiredService<IKeyStore>().Rotate();
        await SeedAsync(host, 2);

        var result = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();
        var keyIds = await host.WithDbAsync(db => db.AuditEntries.Select(a => a.KeyId).Distinct().CountAsync());

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(2, keyIds);
    }

    [Fact]
    public async Task AdminAuditApi_PagesNewestFirst_AndVerifies()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: "admin");
        await SeedAsync(host, 5);

        var page = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit?limit=3");
        var items = page.GetProperty("items");
        var next = page.GetProperty("nextBefore").GetInt64();
        var rest = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/audit?limit=50&before={next}");
        var verify = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, items.GetArrayLength());
        Assert.True(items[0].GetProperty("seq").GetInt64() > items[1].GetProperty("seq").GetInt64());
        Assert.Equal(next - 1, rest.GetProperty("items")[0].GetProperty("seq").GetInt64());
        Assert.True(verify.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task AdminAuditApi_ForbiddenToUsers()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        await ProblemJson.AssertAsync(await user.Client.GetAsync("/api/admin/audit"), System.Net.HttpStatusCode.Forbidden);
    }

    private static async Task SeedAsync(LoomHost host, int count)
    {
        var chain = host.Services.GetRequiredService<IAuditChain>();
        for (var i = 0; i < count; i++)
        {
            await chain.AppendAsync(new AuditEvent("system", "", "test.event", $"thing:{i}", new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
    }
}
