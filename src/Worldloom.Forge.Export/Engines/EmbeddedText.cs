using System.Text;

namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// Scripts exports ship verbatim (the Unity importer, the Blender builder), kept in the source tree as real files so
/// they read and diff as code, and compiled into this assembly as embedded resources.
/// </summary>
internal static class EmbeddedText
{
    /// <summary>The embedded file <paramref name="name"/> (its LogicalName in the project file) as text.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded file {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
