using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

/// <summary>
/// One edit a user (or a scripted rule) makes to a generated world. A world stores its overrides as an ordered list
/// applied after generation, so regenerating the seed reproduces the edited world exactly. <see cref="Kind"/> is
/// the snake_case wire name.
/// </summary>
public abstract record WorldOverride
{
    /// <summary>The wire name of this kind of edit (e.g. <c>move_settlement</c>).</summary>
    public abstract string Kind { get; }
}

/// <summary>Moves a settlement to another land cell.</summary>
/// <param name="SettlementId">The settlement.</param>
/// <param name="To">Its new cell.</param>
public sealed record MoveSettlement(string SettlementId, GridPoint To) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "move_settlement";
}

/// <summary>Renames a settlement.</summary>
/// <param name="SettlementId">The settlement.</param>
/// <param name="Name">Its new name.</param>
public sealed record RenameSettlement(string SettlementId, string Name) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "rename_settlement";
}

/// <summary>Deletes a settlement (with its roads and its people).</summary>
/// <param name="SettlementId">The settlement.</param>
public sealed record DeleteSettlement(string SettlementId) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "delete_settlement";
}

/// <summary>Sets the biome of every land cell of a region.</summary>
/// <param name="RegionId">The region.</param>
/// <param name="Biome">The biome (a land biome).</param>
public sealed record SetRegionBiome(string RegionId, Biome Biome) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "set_region_biome";
}

/// <summary>Hands a region (and the settlements in it) to another faction.</summary>
/// <param name="RegionId">The region.</param>
/// <param name="FactionId">The faction that now holds it.</param>
public sealed record SetRegionFaction(string RegionId, string FactionId) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "set_region_faction";
}

/// <summary>Fixes an NPC's traits.</summary>
/// <param name="NpcId">The NPC.</param>
/// <param name="Traits">The traits they keep.</param>
public sealed record PinNpcTraits(string NpcId, IReadOnlyList<string> Traits) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "pin_npc_traits";
}

/// <summary>Adds a point of interest.</summary>
/// <param name="PoiKind">ruin, dungeon, lair, shrine, ...</param>
/// <param name="Name">Its name.</param>
/// <param name="Location">Its cell.</param>
/// <param name="HookText">The quest hook's text; null for none.</param>
public sealed record AddPointOfInterest(string PoiKind, string Name, GridPoint Location, string? HookText) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "add_poi";
}

/// <summary>Paints one cell's biome (used mostly by scripted rules).</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Biome">The biome.</param>
public sealed record SetCellBiome(GridPoint Cell, Biome Biome) : WorldOverride
{
    /// <inheritdoc />
    public override string Kind => "set_cell_biome";
}
