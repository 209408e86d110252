namespace Worldloom.Stories;

/// <summary>Settings under <c>Loom:Stories</c>.</summary>
public sealed class StoriesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Loom:Stories";

    /// <summary>How long a segment should run, in seconds (3 to 30).</summary>
    public int SegmentSeconds { get; set; } = 10;

    /// <summary>Render size and frame rate.</summary>
    public StoriesRenderOptions Render { get; set; } = new();

    /// <summary>The prompt filter.</summary>
    public StoriesFilterOptions Filter { get; set; } = new();
}

/// <summary>Settings under <c>Loom:Stories:Render</c>; the defaults are the product's 720p at 24 fps.</summary>
public sealed class StoriesRenderOptions
{
    /// <summary>Frame width (even).</summary>
    public int Width { get; set; } = 1280;

    /// <summary>Frame height (even).</summary>
    public int Height { get; set; } = 720;

    /// <summary>Frames per second.</summary>
    public int Fps { get; set; } = 24;
}

/// <summary>Settings under <c>Loom:Stories:Filter</c>: what prompts may not ask for.</summary>
public sealed class StoriesFilterOptions
{
    /// <summary>Forbidden terms, each a word, words or a category name of the rules language (<c>firearms</c>).</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>Lines in the rules language's <c>no ...</c> form (<c>no gore, "mobile phones"</c>).</summary>
    public List<string> Rules { get; set; } = [];
}
