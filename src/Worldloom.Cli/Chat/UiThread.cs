using Terminal.Gui.App;

namespace Worldloom.Cli.Chat;

/// <summary>
/// Runs a Terminal.Gui application on a thread of its own, from <c>Init</c> to the end of <c>Run</c>.
/// </summary>
/// <remarks>
/// Terminal.Gui takes the thread that calls <c>Init</c> for its UI thread, and its <c>Invoke</c> runs an action in place
/// when called on that thread. An async command calls <c>Init</c> on a thread-pool thread and, after an await, runs the
/// loop on another: every <c>Invoke</c> from work that later landed on the first thread then ran beside the loop (about
/// half of them on two cores), and <c>loom chat</c> lost frames that way. A thread outside the pool is never the one a
/// background task runs on.
/// </remarks>
public static class UiThread
{
    /// <summary>
    /// Starts the thread, creates and initialises the application there and calls <paramref name="run"/> with it (which
    /// builds the views and calls <c>Run</c>); completes when <paramref name="run"/> returns or throws.
    /// </summary>
    /// <param name="run">Builds the views and runs the loop, on the UI thread.</param>
    /// <param name="driver">Terminal.Gui's driver name; the platform's default when null.</param>
    public static Task RunAsync(Action<IApplication> run, string? driver = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using var app = Application.Create();
                app.Init(driver);
                run(app);
                done.SetResult();
            }
            catch (Exception e)
            {
                // Handed to the awaiting command, which reports it as any other failure of the client.
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "terminal UI",
        };
        thread.Start();
        return done.Task;
    }
}
