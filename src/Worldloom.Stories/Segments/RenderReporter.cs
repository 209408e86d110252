using Worldloom.Platform.Jobs;
using Worldloom.Stories.Render;

namespace Worldloom.Stories.Segments;

/// <summary>
/// Maps the renderer's frame progress onto the job's <c>render</c> stage (15–90 %). The renderer reports from its frame
/// loop and must not wait on the database, so at most one progress write is in flight and newer values overwrite the
/// pending one; a write that finds the job cancelled cancels the render through <see cref="Token"/>.
/// </summary>
internal sealed class RenderReporter : IProgress<RenderProgress>, IDisposable
{
    private readonly JobRun _run;
    private readonly CancellationTokenSource _cancel;
    private readonly Lock _gate = new();
    private Task _writing = Task.CompletedTask;
    private int _pending = -1;
    private int _written = 15;

    public RenderReporter(JobRun run, CancellationToken cancellationToken)
    {
        _run = run;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Cancelled when the job is cancelled or the caller's token fires.</summary>
    public CancellationToken Token => _cancel.Token;

    public void Report(RenderProgress value)
    {
        var percent = 15 + (75 * Math.Clamp(value.Percent, 0, 100) / 100);
        lock (_gate)
        {
            if (percent <= _written || percent <= _pending)
            {
                return;
            }

            _pending = percent;
            if (_writing.IsCompleted)
            {
                _writing = WriteAsync();
            }
        }
    }

    /// <summary>Waits for the last write; throws <see cref="OperationCanceledException"/> if the job was cancelled meanwhile.</summary>
    public async Task DrainAsync()
    {
        Task writing;
        lock (_gate)
        {
            writing = _writing;
        }

        await writing;
        _cancel.Token.ThrowIfCancellationRequested();
    }

    public void Dispose() => _cancel.Dispose();

    private async Task WriteAsync()
    {
        while (true)
        {
            int percent;
            lock (_gate)
            {
                if (_pending <= _written)
                {
                    return;
                }

                percent = _pending;
            }

            try
            {
                await _run.ReportAsync(percent, "render", _cancel.Token);
            }
            catch (OperationCanceledException)
            {
                await _cancel.CancelAsync();
                return;
            }

            lock (_gate)
            {
                _written = percent;
            }
        }
    }
}
