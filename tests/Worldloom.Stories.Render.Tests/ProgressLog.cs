namespace Worldloom.Stories.Render.Tests;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ProgressLog : IProgress<RenderProgress>
{
    public List<RenderProgress> Reports { get; } = [];

    public void Report(RenderProgress value)
    {
        lock (Reports)
        {
            Reports.Add(value);
        }
    }
}
