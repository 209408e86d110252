using Terminal.Gui.Drivers;
using Terminal.Gui.Views;
using Worldloom.Cli.Chat;

namespace Worldloom.Chat.Tests.Client;

/// <summary>The thread <c>loom chat</c> runs Terminal.Gui on.</summary>
public sealed class UiThreadTests
{
    [Fact]
    public async Task EveryInvoke_FromTheThreadPool_RunsOnTheUiThread()
    {
        // As in an async command: the caller is itself on the thread pool by now.
        await Task.Yield();
        const int Calls = 2000;
        var uiThread = 0;
        var pooled = true;
        var ran = 0;
        var elsewhere = 0;
        await UiThread.RunAsync(
            app =>
            {
                uiThread = Environment.CurrentManagedThreadId;
                // Terminal.Gui runs an Invoke in place on the thread it was initialised on: that must be no pool thread.
                pooled = Thread.CurrentThread.IsThreadPoolThread;
                using var window = new Window();
                _ = Task.Run(() => Parallel.For(0, Calls, _ => app.Invoke(() =>
                {
                    if (Environment.CurrentManagedThreadId != uiThread)
                    {
                        Interlocked.Increment(ref elsewhere);
                    }

                    if (Interlocked.Increment(ref ran) == Calls)
                    {
                        app.RequestStop();
                    }
                })));
                // A loop whose invokes never all arrive still ends, and the count below says so.
                app.AddTimeout(TimeSpan.FromSeconds(60), () =>
                {
                    app.RequestStop();
                    return false;
                });
                app.Run(window);
            },
            DriverRegistry.Names.ANSI);

        Assert.False(pooled, "the UI ran on a thread-pool thread");
        Assert.Equal(Calls, ran);
        Assert.Equal(0, elsewhere);
    }
}
