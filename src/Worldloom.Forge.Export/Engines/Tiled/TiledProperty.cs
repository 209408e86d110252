using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// A Tiled custom property. <see cref="Value"/> is the text both formats write: the tmx attribute as is, and in the
/// tmj a JSON string for <c>string</c> or the bare token for <c>int</c> and <c>bool</c> (invariant integer text and
/// <c>true</c>/<c>false</c> are JSON literals already).
/// </summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">Tiled's type name: <c>string</c>, <c>int</c> or <c>bool</c>.</param>
/// <param name="Value">The value as text.</param>
internal readonly record struct TiledProperty(string Name, string Type, string Value)
{
    public static TiledProperty Text(string name, string? value) => new(name, "string", value ?? "");

    public static TiledProperty Integer(string name, long value) => new(name, "int", value.ToString(CultureInfo.InvariantCulture));

    public static TiledProperty Flag(string name, bool value) => new(name, "bool", value ? "true" : "false");
}
