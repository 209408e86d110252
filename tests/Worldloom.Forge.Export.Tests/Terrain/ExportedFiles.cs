using System.Text;
using System.Text.Json;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Forge.Export.Tests.Terrain;

/// <summary>Reading one engine's exported files by their path inside the engine folder.</summary>
internal static class ExportedFiles
{
    public static byte[] Bytes(this EngineFiles files, string path)
    {
        var full = $"{files.Engine}/{path}";
        var file = files.Files.SingleOrDefault(f => f.Path == full);
        Assert.True(file is not null, $"{full} is not in the export: {string.Join(", ", files.Files.Select(f => f.Path))}");
        return file!.Content;
    }

    public static string Text(this EngineFiles files, string path) => Encoding.UTF8.GetString(files.Bytes(path));

    public static JsonDocument Json(this EngineFiles files, string path) => JsonDocument.Parse(files.Bytes(path));

    public static bool Has(this EngineFiles files, string path) => files.Files.Any(f => f.Path == $"{files.Engine}/{path}");

    /// <summary>A fresh source over the same world, so no shared asset is reused between two exports.</summary>
    public static ExportSource Fresh(this ExportSource source) => new(source.World, source.Document);

    /// <summary>Asserts two exports hold the same paths with the same bytes, in the same order.</summary>
    public static void AssertIdentical(EngineFiles first, EngineFiles second)
    {
        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        for (var i = 0; i < first.Files.Count; i++)
        {
            Assert.True(first.Files[i].Content.AsSpan().SequenceEqual(second.Files[i].Content), $"{first.Files[i].Path} differs between two exports");
        }
    }
}
