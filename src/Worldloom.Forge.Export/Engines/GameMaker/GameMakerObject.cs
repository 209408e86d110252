using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// An object with a sprite and no events: what the room's instances are. Their data is set by the room's creation
/// code (<see cref="GameMakerCreationCode"/>), not by object variables, whose record versions change between IDE
/// releases more often than anything else here.
/// </summary>
internal static class GameMakerObject
{
    public const string Folder = "objects";

    public static void Write(Utf8JsonWriter json, string name, string sprite)
    {
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMObject", "", name);
        json.WriteStartArray("eventList");
        json.WriteEndArray();
        json.WriteBoolean("managed", true);
        json.WriteString("name", name);
        json.WriteStartArray("overriddenProperties");
        json.WriteEndArray();
        GameMakerAssets.Parent(json);
        json.WriteNull("parentObjectId");
        json.WriteBoolean("persistent", false);
        GameMakerJson.Real(json, "physicsAngularDamping", "0.1");
        GameMakerJson.Real(json, "physicsDensity", "0.5");
        GameMakerJson.Real(json, "physicsFriction", "0.2");
        json.WriteNumber("physicsGroup", 1);
        json.WriteBoolean("physicsKinematic", false);
        GameMakerJson.Real(json, "physicsLinearDamping", "0.1");
        json.WriteBoolean("physicsObject", false);
        GameMakerJson.Real(json, "physicsRestitution", "0.1");
        json.WriteBoolean("physicsSensor", false);
        json.WriteNumber("physicsShape", 1);
        json.WriteStartArray("physicsShapePoints");
        json.WriteEndArray();
        json.WriteBoolean("physicsStartAwake", true);
        json.WriteStartArray("properties");
        json.WriteEndArray();
        GameMakerAssets.Resource(json, "GMObject");
        json.WriteBoolean("solid", false);
        GameMakerAssets.Reference(json, "spriteId", GameMakerSprite.Folder, sprite);
        json.WriteNull("spriteMaskId");
        json.WriteBoolean("visible", true);
        json.WriteEndObject();
    }
}
