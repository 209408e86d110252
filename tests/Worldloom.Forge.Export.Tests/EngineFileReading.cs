using System.Text;
using System.Text.Json;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Forge.Export.Tests;

/// <summary>Reading one exported file back by its path inside the engine's folder.</summary>
internal static class EngineFileReading
{
    /// <summary>The bytes of <paramref name="path"/> (relative to the engine folder); fails the test when it is missing.</summary>
    public static byte[] Bytes(this EngineFiles files, string path)
    {
        var full = $"{files.Engine}/{path}";
        var file = files.Files.SingleOrDefault(f => f.Path == full);
        Assert.True(file is not null, $"{full} was not exported; got {string.Join(", ", files.Files.Select(f => f.Path))}");
        return file.Content;
    }

    /// <summary>The UTF-8 text of <paramref name="path"/>.</summary>
    public static string Text(this EngineFiles files, string path) => Encoding.UTF8.GetString(files.Bytes(path));

    /// <summary>The JSON document in <paramref name="path"/>.</summary>
    public static JsonDocument Json(this EngineFiles files, string path) => JsonDocument.Parse(files.Bytes(path));

    /// <summary>A fresh source over the same world, so no shared asset is reused between two exports.</summary>
    public static ExportSource Fresh(this ExportSource source) => new(source.World, source.Document);

    /// <summary>Whether <paramref name="path"/> (relative to the engine folder) was exported.</summary>
    public static bool Has(this EngineFiles files, string path) => files.Files.Any(f => f.Path == $"{files.Engine}/{path}");

    /// <summary>Writes every file under <paramref name="directory"/>, paths relative to the engine folder.</summary>
    public static void WriteTo(this EngineFiles files, string directory)
    {
        foreach (var file in files.Files)
        {
            var path = Path.Combine(directory, file.Path[(files.Engine.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    /// <summary>Asserts that two exports hold the same paths with the same bytes, in the same order.</summary>
    public static void AssertSameAs(this EngineFiles actual, EngineFiles expected)
    {
        Assert.Equal(expected.Files.Select(f => f.Path), actual.Files.Select(f => f.Path));
        foreach (var (a, e) in actual.Files.Zip(expected.Files))
        {
            Assert.True(a.Content.AsSpan().SequenceEqual(e.Content), $"{a.Path} differs between two exports of one world");
        }
    }
}
