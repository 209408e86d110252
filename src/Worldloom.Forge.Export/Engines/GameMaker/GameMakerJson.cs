using System.Globalization;
using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>Number forms the IDE writes: reals always with a decimal point (<c>320.0</c>), so files read as it saves them.</summary>
internal static class GameMakerJson
{
    public static void Real(Utf8JsonWriter json, string name, int value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(value.ToString(CultureInfo.InvariantCulture) + ".0");
    }

    public static void Real(Utf8JsonWriter json, string name, string literal)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(literal);
    }
}
