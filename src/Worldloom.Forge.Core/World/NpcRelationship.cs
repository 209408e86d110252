namespace Worldloom.Forge.Core.World;

/// <summary>A tie from one NPC to another.</summary>
/// <param name="NpcId">The other NPC.</param>
/// <param name="Kind">
/// What the other NPC is to this one: sibling, spouse, parent, child, friend, rival, mentor, student, employer,
/// employee. The other NPC lists the mirror kind (parent ↔ child, mentor ↔ student, employer ↔ employee, the rest
/// themselves).
/// </param>
public sealed record NpcRelationship(string NpcId, string Kind);
