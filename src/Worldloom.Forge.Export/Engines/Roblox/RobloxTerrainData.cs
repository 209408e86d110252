using System.Globalization;
using System.Text;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// The <c>TerrainData</c> ModuleScript's source: a Lua table with the sample grid's size and scale, the heights as one
/// string per row (two base-64 characters per sample, the elevation's top 12 bits) and the biomes as one string per
/// row (one letter per sample, <c>a</c> = biome 0). Strings keep a 256² grid near 200 KB where nested tables of
/// numbers would be several times that.
/// </summary>
internal static class RobloxTerrainData
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string Source(ExportSource source, RobloxTerrain terrain)
    {
        var lua = new StringBuilder(64 + (terrain.Width * terrain.Height * 3) + (terrain.Height * 16));
        lua.Append(CultureInfo.InvariantCulture, $$"""
            -- Worldloom world {{source.Hash}}: terrain samples. BuildTerrain (next to this module) turns them into
            -- Roblox terrain; run  require(<this model>.BuildTerrain)()  in Studio's command bar.
            -- Sample (column c, row r), both from 1, is at X = (c - 1) * cellStuds, Z = (r - 1) * cellStuds; row 1 is
            -- the world's north edge. Its top is Y = (elevation - seaLevel) / unitsPerStud, sea level at Y = 0.
            return {
            	width = {{terrain.Width}},
            	height = {{terrain.Height}},
            	cellStuds = {{RobloxTerrain.CellStuds}},
            	unitsPerStud = {{RobloxTerrain.UnitsPerStud}},
            	seaLevel = {{terrain.SeaLevel}},
            	-- elevation = (index of the first character * 64 + index of the second) * 16, indices from 0 in alphabet
            	alphabet = "{{Alphabet}}",

            """);
        lua.Append("\t-- biome names by number; a sample's letter is string.char(97 + number)\n\tbiomeNames = { ");
        foreach (var name in BiomeNames.All)
        {
            lua.Append('"').Append(name).Append("\", ");
        }

        lua.Append("},\n\theights = {\n");
        var elevations = terrain.Elevations;
        for (var row = 0; row < terrain.Height; row++)
        {
            lua.Append("\t\t\"");
            for (var column = 0; column < terrain.Width; column++)
            {
                var value = elevations[(row * terrain.Width) + column] >> RobloxTerrain.QuantumBits;
                lua.Append(Alphabet[value >> 6]).Append(Alphabet[value & 63]);
            }

            lua.Append("\",\n");
        }

        lua.Append("\t},\n\tbiomes = {\n");
        var biomes = terrain.Biomes;
        for (var row = 0; row < terrain.Height; row++)
        {
            lua.Append("\t\t\"");
            for (var column = 0; column < terrain.Width; column++)
            {
                lua.Append((char)('a' + biomes[(row * terrain.Width) + column]));
            }

            lua.Append("\",\n");
        }

        lua.Append("\t},\n}\n");
        return lua.ToString();
    }
}
