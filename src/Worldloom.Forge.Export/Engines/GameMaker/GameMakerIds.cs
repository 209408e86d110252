using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// Names GameMaker would make random (sprite frame and layer GUIDs, room instance names) made from fixed inputs
/// instead, so the same world gives the same files.
/// </summary>
internal static class GameMakerIds
{
    /// <summary>A GUID derived from <paramref name="label"/>, stable across machines and runs.</summary>
    public static string Guid(string label) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(label)).AsSpan(0, 16)).ToString("D");

    /// <summary>The <paramref name="index"/>-th room instance's name, in the IDE's <c>inst_</c> + 8 hex digits form.</summary>
    public static string Instance(int index) => $"inst_{0x57000000 + index:X8}";
}
