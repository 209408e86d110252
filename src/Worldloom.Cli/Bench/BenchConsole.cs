using Spectre.Console;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Where a bench talks while it runs: standard error, with a live progress bar when that is a terminal and plain lines
/// otherwise, so standard output holds only the summary and ends with the JSON line.
/// </summary>
internal sealed class BenchConsole
{
    private readonly IAnsiConsole? _terminal = Console.IsErrorRedirected
        ? null
        // Spectre judges interactivity by standard output, which is redirected whenever the JSON line is captured;
        // standard error being a terminal is what matters for the bar.
        : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });

    /// <summary>For progress notes.</summary>
    public TextWriter Log => Console.Error;

    /// <summary>Runs <paramref name="phase"/>, showing how far it has got.</summary>
    public async Task<PhaseResult> RunAsync(string label, OpenLoopPhase phase, CancellationToken ct)
    {
        if (_terminal is null)
        {
            await Log.WriteLineAsync($"{label}: {phase.Total} requests ...");
            return await phase.RunAsync(ct);
        }

        PhaseResult? result = null;
        await _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(label), maxValue: phase.Total);
                var run = phase.RunAsync(ct);
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(200, ct));
                    bar.Value = phase.Completed;
                }

                result = await run;
                bar.Value = bar.MaxValue;
                bar.StopTask();
            });
        return result!;
    }

    /// <summary>
    /// Runs synchronous <paramref name="work"/> of <paramref name="total"/> units; the work reports each step with the
    /// units it did and a note. A terminal shows a bar (the notes would break it); otherwise each note is a line.
    /// </summary>
    public void Run(string label, double total, Action<Action<double, string>> work)
    {
        if (_terminal is null)
        {
            work((_, note) => Log.WriteLine(note));
            return;
        }

        _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bar = context.AddTask(Markup.Escape(label), maxValue: total);
                work((units, _) => bar.Increment(units));
                bar.Value = bar.MaxValue;
                bar.StopTask();
            });
    }
}
