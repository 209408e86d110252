namespace Worldloom.Forge.Core.Stages;

/// <summary>One line of a settlement's role table.</summary>
/// <param name="Name">The role as written into the world (lower case, e.g. <c>blacksmith</c>).</param>
/// <param name="Weight">Relative chance of being drawn.</param>
/// <param name="MinAge">Youngest plausible age.</param>
/// <param name="MaxAge">Oldest plausible age.</param>
/// <param name="Unique">Whether a settlement has at most one (a guildmaster, a miller).</param>
public sealed record NpcRole(string Name, int Weight, int MinAge, int MaxAge, bool Unique = false);
