using System.Text.Json;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>Reading a world document back (the work is in <see cref="WorldDocumentReader"/>).</summary>
public static partial class WorldDocument
{
    /// <summary>
    /// Rebuilds the world of a document that <see cref="Write"/> produced, and its overrides. Throws
    /// <see cref="WorldDocumentException"/>, naming the JSON path, for anything malformed (not JSON, a wrong type, a
    /// missing or unknown field, bad base64) or inconsistent (a layer of the wrong size or encoding, an unknown biome
    /// or format, a duplicate id, a reference to nothing, a summary that does not match).
    /// </summary>
    public static ForgeWorld Read(ReadOnlyMemory<byte> json, out IReadOnlyList<WorldOverride> overrides)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new WorldDocumentException("", $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return new WorldDocumentReader(document.RootElement).Read(out overrides);
        }
    }
}
