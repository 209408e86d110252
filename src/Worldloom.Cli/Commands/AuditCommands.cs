using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom audit verify|export</c>: check the signed chain offline, or dump it.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Verify the whole audit chain offline with the stored public keys");
        verify.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            var outcome = await app.Services.GetRequiredService<IAuditChain>().VerifyAsync(ct);
            if (outcome.Ok)
            {
                Console.WriteLine($"OK: {outcome.Count} entries, head {outcome.HeadHash}");
                return 0;
            }

            Console.Error.WriteLine($"BROKEN at seq {outcome.FirstBadSeq}: {outcome.Reason} ({outcome.Count} entries verified before it)");
            return 1;
        });

        var output = new Option<FileInfo>("--out") { Description = "JSON Lines file to write", Required = true };
        var export = new Command("export", "Write every audit entry as JSON Lines") { output };
        export.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            var file = result.GetValue(output)!;
            await using var writer = new StreamWriter(file.FullName);
            long count = 0;
            await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable().WithCancellation(ct))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(entry, JsonSerializerOptions.Web));
                count++;
            }

            Console.WriteLine($"Wrote {count} entries to {file.FullName}");
            return 0;
        });
        return new Command("audit", "The signed audit chain") { verify, export };
    }
}
