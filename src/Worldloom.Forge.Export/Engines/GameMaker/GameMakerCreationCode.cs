using System.Text;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// <c>rooms/rm_world/RoomCreationCode.gml</c>: sets each instance's variables by its name. Room creation code runs
/// after every instance's Create event, so the values are in place from the room's first step.
/// </summary>
internal static class GameMakerCreationCode
{
    public const string File = "RoomCreationCode.gml";

    public static string Text(ExportSource source, IReadOnlyList<GameMakerInstance> instances)
    {
        var gml = new StringBuilder();
        gml.Append("/// Worldloom world ").Append(source.Hash).Append(": each settlement's and point of interest's data.\n");
        foreach (var instance in instances)
        {
            gml.Append("with (").Append(instance.Name).Append(") { ").Append(instance.Variables).Append(" }\n");
        }

        return gml.ToString();
    }
}
