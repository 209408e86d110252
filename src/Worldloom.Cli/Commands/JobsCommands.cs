using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom jobs list|show|cancel</c>: read and control jobs in the database the server uses.</summary>
internal static class JobsCommands
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many, newest first", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List jobs, newest first") { limit };
        list.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            var jobs = await db.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(result.GetValue(limit), 1, 1000)).ToListAsync(ct);
            var table = new Table().AddColumns("id", "kind", "status", "progress", "stage", "attempts", "created (UTC)");
            foreach (var j in jobs)
            {
                table.AddRow(j.Id.ToString(), Markup.Escape(j.Kind), j.Status, $"{j.Progress}%", Markup.Escape(j.Stage), $"{j.Attempts}/{j.MaxAttempts}", j.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss"));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var id = new Argument<Guid>("id") { Description = "Job id" };
        var follow = new Option<bool>("--follow") { Description = "Show a progress bar until the job finishes" };
        var show = new Command("show", "Show one job") { id, follow };
        show.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            var jobId = result.GetValue(id);
            var job = await ReadAsync(app.Services, jobId, ct);
            if (job is null)
            {
                Console.Error.WriteLine($"error: no job {jobId}.");
                return 1;
            }

            if (result.GetValue(follow) && !JobStatus.IsFinal(job.Status))
            {
                job = await FollowAsync(app.Services, job, ct);
            }

            Print(job);
            return job.Status is JobStatus.Failed ? 1 : 0;
        });

        var cancelId = new Argument<Guid>("id") { Description = "Job id" };
        var cancel = new Command("cancel", "Cancel a job (a running one stops at its next progress report)") { cancelId };
        cancel.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            var jobId = result.GetValue(cancelId);
            if (!await db.Jobs.AnyAsync(j => j.Id == jobId, ct))
            {
                Console.Error.WriteLine($"error: no job {jobId}.");
                return 1;
            }

            var outcome = await JobCancellation.RequestAsync(db, jobId, app.Services.GetRequiredService<LoomClock>().GetUtcNow(), ct);
            Console.WriteLine(outcome switch
            {
                JobCancellation.Outcome.Cancelled => "Cancelled.",
                JobCancellation.Outcome.Requested => "Cancel requested; the running attempt stops at its next progress report.",
                _ => "The job had already finished.",
            });
            return outcome == JobCancellation.Outcome.AlreadyFinal ? 1 : 0;
        });

        return new Command("jobs", "Long-running work") { list, show, cancel };
    }

    private static async Task<Job> FollowAsync(IServiceProvider services, Job job, CancellationToken ct)
    {
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask(Markup.Escape($"{job.Kind}: {job.Stage}"), maxValue: 100);
                while (!JobStatus.IsFinal(job.Status))
                {
                    await Task.Delay(250, ct);
                    job = await ReadAsync(services, job.Id, ct) ?? job;
                    bar.Value = job.Progress;
                    bar.Description = Markup.Escape($"{job.Kind}: {job.Stage}");
                }

                bar.Value = job.Progress;
                bar.StopTask();
            });
        return job;
    }

    private static async Task<Job?> ReadAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LoomDb>().Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
    }

    private static void Print(Job j)
    {
        Console.WriteLine($"id        {j.Id}");
        Console.WriteLine($"kind      {j.Kind}");
        Console.WriteLine($"status    {j.Status}  ({j.Progress}%, {j.Stage})");
        Console.WriteLine($"attempts  {j.Attempts}/{j.MaxAttempts}");
        if (j.Error is not null)
        {
            Console.WriteLine($"error     {j.Error}");
        }

        if (j.Result is not null)
        {
            Console.WriteLine($"result    {j.Result}");
        }
    }
}
