namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// A world document that cannot be read: not JSON, a wrong type, a missing or unknown field, or content that
/// contradicts itself. <see cref="Path"/> names the JSON location (e.g. <c>settlements[3].location</c>) so the
/// person who edited the file, or the API client who sent it, knows where to look.
/// </summary>
public sealed class WorldDocumentException : Exception
{
    /// <summary>A failure at <paramref name="path"/> ("" for the whole document).</summary>
    public WorldDocumentException(string path, string problem)
        : base(path.Length == 0 ? problem : $"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>A failure at <paramref name="path"/> caused by <paramref name="inner"/>.</summary>
    public WorldDocumentException(string path, string problem, Exception inner)
        : base(path.Length == 0 ? problem : $"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The JSON path of the offending value; empty for the document as a whole.</summary>
    public string Path { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }
}
