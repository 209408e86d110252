using System.Diagnostics;
using Spectre.Console;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export;

namespace Worldloom.Cli.Forge;

/// <summary>
/// Where the world commands talk while they work: standard error, with live progress bars when it is a terminal and
/// plain lines otherwise, so standard output carries only the answer (<c>world &lt;sha256&gt;</c>).
/// </summary>
internal sealed class ForgeConsole
{
    private readonly IAnsiConsole? _terminal = Console.IsErrorRedirected
        ? null
        // Spectre judges interactivity by standard output, which is redirected whenever the answer is captured;
        // standard error being a terminal is what matters for the bars.
        : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });

    /// <summary>For notes and errors.</summary>
    public TextWriter Log => Console.Error;

    /// <summary>
    /// Runs <paramref name="work"/> with one bar per pipeline stage (plus <paramref name="extraSteps"/> after them);
    /// the work gets the observer to pass to the pipeline and a callback that marks an extra step done.
    /// </summary>
    public T WithStages<T>(IReadOnlyList<string> extraSteps, Func<IPipelineObserver, Action<string>, T> work)
    {
        if (_terminal is null)
        {
            var plain = new StageLines(Log);
            return work(plain, plain.StepDone);
        }

        var result = default(T);
        _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                foreach (var name in WorldPipeline.Stages.Select(s => s.Name).Concat(extraSteps))
                {
                    bars[name] = context.AddTask(Markup.Escape(name), autoStart: false, maxValue: 1);
                }

                var observer = new StageBars(bars);
                result = work(observer, step =>
                {
                    if (bars.TryGetValue(step, out var bar))
                    {
                        bar.StartTask();
                        bar.Value = 1;
                        bar.StopTask();
                    }
                });
            });
        return result!;
    }

    /// <summary>Runs <paramref name="work"/> with one bar counting <paramref name="total"/> items; the work calls the callback once per item done.</summary>
    public void WithCounter(string label, int total, Action<Action> work)
    {
        if (_terminal is null)
        {
            var done = 0;
            var step = Math.Max(1, total / 10);
            work(() =>
            {
                var now = Interlocked.Increment(ref done);
                if (now % step == 0 || now == total)
                {
                    Log.WriteLine($"{label}: {now}/{total}");
                }
            });
            return;
        }

        _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bar = context.AddTask(Markup.Escape(label), maxValue: total);
                work(() => bar.Increment(1));
                bar.StopTask();
            });
    }

    /// <summary>
    /// Runs an export with a bar per engine and one for the bundle; the work gets the observer to hand to
    /// <see cref="WorldExport.Run"/>.
    /// </summary>
    public T WithExport<T>(IReadOnlyList<string> engines, Func<IExportObserver, T> work)
    {
        if (_terminal is null)
        {
            return work(new ExportLines(Log));
        }

        var result = default(T);
        _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bars = engines.ToDictionary(e => e, e => context.AddTask(Markup.Escape(e), autoStart: false, maxValue: 1), StringComparer.Ordinal);
                var bundle = context.AddTask("bundle", autoStart: false, maxValue: 1);
                result = work(new ExportBars(bars, bundle));
                bundle.Value = 1;
                bundle.StopTask();
            });
        return result!;
    }

    /// <summary>Plain progress: one line per stage with its time.</summary>
    private sealed class StageLines(TextWriter log) : IPipelineObserver
    {
        private readonly Stopwatch _clock = new();

        public void StageStarting(int index, int count, string stage) => _clock.Restart();

        public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng) =>
            log.WriteLine($"stage {index + 1}/{count} {stage}: {_clock.ElapsedMilliseconds} ms");

        public void StepDone(string step) => log.WriteLine($"{step}: done");
    }

    /// <summary>Terminal progress: a bar per stage, started and finished as the pipeline goes.</summary>
    private sealed class StageBars(Dictionary<string, ProgressTask> bars) : IPipelineObserver
    {
        public void StageStarting(int index, int count, string stage)
        {
            if (bars.TryGetValue(stage, out var bar))
            {
                bar.StartTask();
            }
        }

        public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng)
        {
            if (bars.TryGetValue(stage, out var bar))
            {
                bar.Value = bar.MaxValue;
                bar.StopTask();
            }
        }
    }

    /// <summary>Plain export progress: a line as each engine finishes.</summary>
    private sealed class ExportLines(TextWriter log) : IExportObserver
    {
        private readonly Lock _gate = new();

        public void EngineStarted(string engine)
        {
        }

        public void EngineFinished(string engine, int files, long bytes)
        {
            lock (_gate)
            {
                log.WriteLine($"{engine}: {files} files, {bytes} bytes");
            }
        }

        public void Packing()
        {
            lock (_gate)
            {
                log.WriteLine("bundle: signing and zipping");
            }
        }
    }

    /// <summary>Terminal export progress: Spectre's tasks are thread-safe, so exporters on several threads update them directly.</summary>
    private sealed class ExportBars(Dictionary<string, ProgressTask> bars, ProgressTask bundle) : IExportObserver
    {
        public void EngineStarted(string engine) => bars[engine].StartTask();

        public void EngineFinished(string engine, int files, long bytes)
        {
            var bar = bars[engine];
            bar.Description = Markup.Escape($"{engine} ({files} files)");
            bar.Value = 1;
            bar.StopTask();
        }

        public void Packing() => bundle.StartTask();
    }
}
