using Worldloom.Platform.Jobs;

namespace Worldloom.Platform.Tests.Jobs;

/// <summary>Reports progress in ten steps, then returns how many attempts it took.</summary>
public sealed class StepsJob : IJobHandler
{
    public string Kind => "test.steps";

    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= 10; i++)
        {
            await Task.Delay(20, cancellationToken);
            await run.ReportAsync(i * 10, $"step {i}", cancellationToken);
        }

        return $"{{\"attempt\":{run.Attempt}}}";
    }
}

/// <summary>Fails its first two attempts.</summary>
public sealed class FlakyJob : IJobHandler
{
    public string Kind => "test.flaky";

    public Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken) =>
        run.Attempt < 3 ? throw new InvalidOperationException($"flaky failure {run.Attempt}") : Task.FromResult<string?>("{\"ok\":true}");
}

/// <summary>Always fails.</summary>
public sealed class BrokenJob : IJobHandler
{
    public string Kind => "test.broken";

    public Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken) => throw new InvalidOperationException("always broken");
}

/// <summary>Works until told to stop: until cancelled, or until <see cref="Release"/> lets it finish.</summary>
public sealed class LongJob : IJobHandler
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => "test.long";

    public int Started;

    public void Release() => _release.TrySetResult();

    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Started);
        var step = 0;
        while (!_release.Task.IsCompleted)
        {
            await run.ReportAsync(Math.Min(90, ++step), "working", cancellationToken);
            await Task.WhenAny(_release.Task, Task.Delay(50, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        return "{\"done\":true}";
    }
}
