using System.Buffers.Binary;
using System.Text.Json;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Zones;

/// <summary>
/// A zone for clients to draw: its size and origin, the cost, biome and height layers (row-major, base64; heights as
/// little-endian 16-bit), spawn points, exits and species names, as one JSON document.
/// </summary>
public static class ZoneDrawing
{
    /// <summary>The document's UTF-8 bytes.</summary>
    public static byte[] Write(ZoneMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var heights = new byte[map.Heights.Length * 2];
        for (var i = 0; i < map.Heights.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(heights.AsSpan(i * 2), map.Heights[i]);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("x", map.Key.X);
            json.WriteNumber("y", map.Key.Y);
            json.WriteNumber("originX", map.OriginX);
            json.WriteNumber("originY", map.OriginY);
            json.WriteNumber("width", map.Width);
            json.WriteNumber("height", map.Height);
            json.WriteNumber("subTilesPerTile", Core.Geometry.SubTiles.PerTile);
            json.WriteBase64String("cost", map.Cost);
            json.WriteBase64String("biome", map.Biomes);
            json.WriteBase64String("heights", heights);
            json.WriteStartArray("spawns");
            foreach (var spawn in map.Spawns)
            {
                json.WriteStartObject();
                json.WriteString("id", spawn.Id);
                json.WriteString("name", spawn.Name);
                json.WriteString("kind", spawn.Kind);
                json.WriteNumber("x", spawn.TileX);
                json.WriteNumber("y", spawn.TileY);
                json.WriteBoolean("forPlayers", spawn.ForPlayers);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("exits");
            JsonSerializer.Serialize(json, ExitView.From(map.Exits), JsonSerializerOptions.Web);
            json.WriteStartArray("species");
            foreach (var species in map.Species)
            {
                json.WriteStringValue(species.Name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
