using System.Net.Http.Json;
using Worldloom.Platform.Jobs;

namespace Worldloom.Platform.Tests.Support;

/// <summary>Follows a job through <c>GET /api/jobs/{id}</c> as a user, every 50 ms, until it gets where a test needs it.</summary>
public static class JobWait
{
    /// <summary>The job once it reaches <paramref name="status"/>; fails at once if it ends in another final status.</summary>
    public static async Task<JobView> ForStatusAsync(TestUser user, Guid id, string status, TimeSpan patience)
    {
        var job = await UntilAsync(user, id, j => j.Status == status || JobStatus.IsFinal(j.Status), patience);
        Assert.True(job.Status == status, $"job ended {job.Status} ({job.Error}), expected {status}");
        return job;
    }

    /// <summary>The job once <paramref name="condition"/> holds for it.</summary>
    public static async Task<JobView> UntilAsync(TestUser user, Guid id, Func<JobView, bool> condition, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var job = (await user.Client.GetFromJsonAsync<JobView>($"/api/jobs/{id}", timeout.Token))!;
            if (condition(job))
            {
                return job;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
