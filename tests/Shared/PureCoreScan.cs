using System.Text.RegularExpressions;

namespace Worldloom.Tests.Shared;

/// <summary>
/// The determinism contract of the pure cores (<c>*.Core</c>), checked at the source: no floating point, no clock, no
/// System.Random, no I/O, no process-dependent hashes, no waiting. Comments and string literals are not code and are
/// skipped. Linked into each pure core's test project.
/// </summary>
internal static partial class PureCoreScan
{
    /// <summary>Every offence in <c>src/{project}</c> as "file:line: match"; empty when the project is pure.</summary>
    public static List<string> Offences(string project)
    {
        var source = Path.Combine(RepoRoot(), "src", project);
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No sources under {source}.");
        }

        var offences = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Forbidden().Match(Code(lines[i])) is { Success: true } match)
                {
                    offences.Add($"{Path.GetRelativePath(source, file)}:{i + 1}: {match.Value}");
                }
            }
        }

        return offences;
    }

    /// <summary>Whether one line of code would be an offence.</summary>
    public static bool IsForbidden(string line) => Forbidden().IsMatch(Code(line));

    /// <summary>The line without its comment and with string and character literals emptied.</summary>
    private static string Code(string line)
    {
        var code = Literal().Replace(line, "\"\"");
        var at = code.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? code : code[..at];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Worldloom.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Worldloom.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"@?\$?""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)'")]
    private static partial Regex Literal();

    // Integer helpers (Math.Abs, Max, Min, Clamp, BigMul, DivRem) are fine; the floating-point functions are not.
    // A call of GetHashCode (a string's) or Guid.NewGuid differs per process, and so would an order or a choice built
    // on it; a pure core answers at once, so it never waits (Task.Delay, Thread).
    [GeneratedRegex(@"\b(float|double|decimal)\b|\b(MathF\.\w+|Math\.(Sin|Cos|Tan|Asin|Acos|Atan2?|Sinh|Cosh|Tanh|Pow|Sqrt|Cbrt|Exp|Log\w*|Round|Floor|Ceiling|Truncate|FusedMultiplyAdd|ScaleB|PI|E)\b|System\.Random|new Random|DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider|Stopwatch|File\.|Directory\.|Console\.|HttpClient|Environment\.|\.GetHashCode\(|Guid\.NewGuid|Task\.Delay|Thread\.)|\b\d+\.\d+[fFdDmM]?\b|\b\d+[fFdDmM]\b")]
    private static partial Regex Forbidden();
}
