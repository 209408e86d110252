using Worldloom.Stories.Render;

namespace Worldloom.Cli.Stories;

/// <summary>Where one segment's making reports: a stage starting, and the render's frames.</summary>
internal interface IStoryProgress : IProgress<RenderProgress>
{
    /// <summary><paramref name="stage"/> (narrate, validate, render, package) has started; the stage before it is done.</summary>
    void Stage(string stage);
}

/// <summary>Reports nowhere (the benchmark measures, it does not draw bars).</summary>
internal sealed class SilentStoryProgress : IStoryProgress
{
    public void Stage(string stage)
    {
    }

    public void Report(RenderProgress value)
    {
    }
}
