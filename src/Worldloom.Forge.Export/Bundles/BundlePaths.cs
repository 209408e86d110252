namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// The one rule for paths inside a bundle, used both when writing and when verifying: relative, forward slashes,
/// segments of letters, digits, <c>. _ -</c> only, never <c>.</c> or <c>..</c>. That refuses zip-slip paths
/// (<c>../x</c>, <c>/etc/x</c>, <c>C:\x</c>) and names that mean different files on different systems.
/// </summary>
public static class BundlePaths
{
    /// <summary>Longest path accepted.</summary>
    public const int MaxLength = 240;

    /// <summary>Why <paramref name="path"/> is not a safe bundle path, or null when it is.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "the path is empty";
        }

        if (path.Length > MaxLength)
        {
            return $"the path is longer than {MaxLength} characters";
        }

        if (path[0] == '/' || path.Contains('\\') || path.Contains(':'))
        {
            return "the path is absolute or uses backslashes or a drive letter";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return "the path has an empty, '.' or '..' segment";
            }

            foreach (var c in segment)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                {
                    return $"the path has the character U+{(int)c:X4}; only letters, digits, '.', '_', '-' and '/' are allowed";
                }
            }
        }

        return null;
    }

    /// <summary>Returns <paramref name="path"/> when safe; throws <see cref="ArgumentException"/> saying why otherwise.</summary>
    public static string Check(string path) =>
        Problem(path) is { } problem ? throw new ArgumentException($"\"{path}\": {problem}.", nameof(path)) : path;
}
