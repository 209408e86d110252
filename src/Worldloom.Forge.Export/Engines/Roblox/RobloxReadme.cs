using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>The Roblox folder's README.txt.</summary>
internal static class RobloxReadme
{
    public static string Text(ExportSource source, RobloxTerrain terrain) => string.Format(
        CultureInfo.InvariantCulture,
        """
        Worldloom world {0} for Roblox Studio.

        Insert: in Studio, right-click Workspace in the Explorer and choose Insert from File..., then pick world.rbxmx
        (or drag the file into the viewport). You get the Model "{1}":
          TerrainData        ModuleScript returning the terrain samples: {2} x {3} heights and biomes
          BuildTerrain       ModuleScript returning a function that fills workspace.Terrain from TerrainData
          Settlements        Folder of anchored Parts, one per settlement, named after it, coloured by faction, with
                             values Id, Size, Population, Culture, Faction, Capital
          PointsOfInterest   Folder of anchored Parts, one per point of interest, with values Id, Kind, Hook
          Seed, WorldHash, Generator   StringValues naming the world

        Build the terrain: open View > Command Bar and run
            require(workspace["{1}"].BuildTerrain)()
        It fills one column per sample with FillBlock in the biome's material, and water over the sea bed up to Y = 0.

        Units: samples are {4} studs apart along X (east) and Z (south), sample (0, 0) at the origin on the world's
        north-west corner; heights are 1/{5} stud per 16-bit elevation unit, sea level (elevation {6}) at Y = 0, so
        the world spans {7} x {8} studs. Each Part stands on the top of its nearest sample's column.
        """,
        source.Hash,
        RobloxModel.Name(source),
        terrain.Width,
        terrain.Height,
        RobloxTerrain.CellStuds,
        RobloxTerrain.UnitsPerStud,
        terrain.SeaLevel,
        (terrain.Width - 1) * RobloxTerrain.CellStuds,
        (terrain.Height - 1) * RobloxTerrain.CellStuds);
}
