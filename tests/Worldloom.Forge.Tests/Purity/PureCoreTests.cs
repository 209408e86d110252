using System.Text.RegularExpressions;

namespace Worldloom.Forge.Tests.Purity;

/// <summary>
/// Guards the determinism contract at the source: Worldloom.Forge.Core uses no floating point, no clock, no
/// System.Random and no I/O, so the same seed gives the same bytes on every machine.
/// </summary>
public sealed partial class PureCoreTests
{
    [Fact]
    public void ForgeCore_UsesNoFloatsClockRandomOrIo()
    {
        var source = Path.Combine(RepoRoot(), "src", "Worldloom.Forge.Core");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var offences = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StripComment(lines[i]);
                if (Forbidden().Match(code) is { Success: true } match)
                {
                    offences.Add($"{Path.GetRelativePath(source, file)}:{i + 1}: {match.Value}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Forbidden in the pure core:\n" + string.Join('\n', offences));
    }

    private static string StripComment(string line)
    {
        var at = line.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
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

    // Integer helpers (Math.Abs, Max, Min, Clamp, BigMul, DivRem) are fine; the floating-point functions are not.
    [GeneratedRegex(@"\b(float|double|decimal|MathF\.\w+|Math\.(Sin|Cos|Tan|Asin|Acos|Atan2?|Sinh|Cosh|Tanh|Pow|Sqrt|Cbrt|Exp|Log\w*|Round|Floor|Ceiling|Truncate|FusedMultiplyAdd|ScaleB|PI|E)\b|System\.Random|new Random|DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider|Stopwatch|File\.|Directory\.|Console\.|HttpClient|Environment\.)")]
    private static partial Regex Forbidden();
}
