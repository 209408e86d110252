using Spectre.Console;
using Worldloom.Stories.Render;

namespace Worldloom.Cli.Stories;

/// <summary>
/// Where the story commands talk while they work: standard error, with a bar per stage (the render bar counting
/// frames) when it is a terminal and plain lines otherwise, so standard output carries only the answer.
/// </summary>
internal sealed class StoryConsole
{
    private readonly IAnsiConsole? _terminal = Console.IsErrorRedirected
        ? null
        // As in ForgeConsole: standard error being a terminal is what matters for the bars, not standard output.
        : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });

    /// <summary>Runs <paramref name="work"/> with the progress it should report to.</summary>
    public async Task<T> RunAsync<T>(Func<IStoryProgress, Task<T>> work)
    {
        if (_terminal is null)
        {
            return await work(new StoryLines(Console.Error));
        }

        var result = default(T);
        await _terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = StoryMaker.Stages.ToDictionary(s => s, s => context.AddTask(s, autoStart: false, maxValue: 1), StringComparer.Ordinal);
                var progress = new StoryBars(bars);
                result = await work(progress);
                progress.Finish();
            });
        return result!;
    }

    /// <summary>Plain progress: a line per stage and per tenth of the frames.</summary>
    private sealed class StoryLines(TextWriter log) : IStoryProgress
    {
        private int _tenths = -1;

        public void Stage(string stage) => log.WriteLine($"{stage} ...");

        public void Report(RenderProgress value)
        {
            var tenths = value.Percent / 10;
            if (tenths != _tenths)
            {
                _tenths = tenths;
                log.WriteLine($"render: {value.FramesDone}/{value.FramesTotal} frames");
            }
        }
    }

    /// <summary>Terminal progress: the stage before is finished when the next starts; the render bar follows the frames.</summary>
    private sealed class StoryBars(Dictionary<string, ProgressTask> bars) : IStoryProgress
    {
        private ProgressTask? _current;

        public void Stage(string stage)
        {
            Finish();
            _current = bars[stage];
            _current.StartTask();
        }

        public void Report(RenderProgress value)
        {
            var bar = bars["render"];
            bar.MaxValue = Math.Max(1, value.FramesTotal);
            bar.Value = value.FramesDone;
        }

        public void Finish()
        {
            if (_current is { } bar)
            {
                bar.Value = bar.MaxValue;
                bar.StopTask();
            }
        }
    }
}
