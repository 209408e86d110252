namespace Worldloom.Forge.Core.Rendering;

/// <summary>What a rendered map shows; wire names are in <see cref="MapLayerNames"/>.</summary>
public enum MapLayer
{
    /// <summary>Elevation: hypsometric tints and hillshade on land, blues by depth at sea.</summary>
    Height,

    /// <summary>Biome colours with a light hillshade (elevation colours until the biome stage has run).</summary>
    Biomes,

    /// <summary>Muted biomes with lakes and rivers in blue, rivers wider where more water flows.</summary>
    Rivers,

    /// <summary>Faction colours over land, region and faction borders, settlements as dots and capitals as squares.</summary>
    Political,

    /// <summary>Biomes with roads and settlement markers sized by class.</summary>
    Settlements,
}
