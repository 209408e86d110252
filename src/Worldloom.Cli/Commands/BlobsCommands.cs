using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom blobs sweep [--dry-run]</c>: the platform's sweep of unreferenced blobs, run offline.</summary>
internal static class BlobsCommands
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count the unreferenced blobs and their bytes; delete nothing" };
        var sweep = new Command(
            "sweep",
            "Delete the blobs no row names that were last put before Loom:Blobs:OrphanGracePeriod (24 h) ago, as the server's periodic sweep does")
        {
            dryRun,
        };
        sweep.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            var dry = result.GetValue(dryRun);
            BlobSweepReport? report = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var bar = progress.AddTask("blobs: starting", maxValue: 100);
                    report = await app.Services.GetRequiredService<BlobSweep>().RunAsync(
                        dry,
                        (percent, stage, _) =>
                        {
                            bar.Value = percent;
                            bar.Description = Markup.Escape($"blobs: {stage}");
                            return Task.CompletedTask;
                        },
                        ct);
                    bar.Value = 100;
                    bar.StopTask();
                });

            if (!dry)
            {
                await app.Services.GetRequiredService<IAuditChain>().AppendAsync(
                    new AuditEvent("cli", "cli", "blobs.sweep", "blobs", new Dictionary<string, string>
                    {
                        ["dryRun"] = "false",
                        ["deleted"] = report!.Deleted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }),
                    ct);
            }

            Console.WriteLine(
                $"{report!.Stored} stored, {report.Referenced} named by rows, {report.Orphans} unreferenced and last put before " +
                $"{report.Cutoff:u} ({report.OrphanBytes} bytes); " +
                (dry ? "dry run: nothing deleted" : $"deleted {report.Deleted} ({report.DeletedBytes} bytes)"));
            return 0;
        });
        return new Command("blobs", "The blob store") { sweep };
    }
}
