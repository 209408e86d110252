namespace Worldloom.Forge.Core.World;

/// <summary>A power holding regions, with a capital, a culture and standing towards every other faction.</summary>
/// <param name="Id">Stable id, <c>faction-N</c> numbered from 1.</param>
/// <param name="Name">Display name.</param>
/// <param name="Culture">Culture id (that of its capital).</param>
/// <param name="CapitalId">Its capital settlement.</param>
/// <param name="Color">Map colour as 0xRRGGBB.</param>
/// <param name="Relations">Standing towards each other faction, in faction id order.</param>
public sealed record Faction(string Id, string Name, string Culture, string CapitalId, int Color, IReadOnlyList<FactionRelation> Relations);
