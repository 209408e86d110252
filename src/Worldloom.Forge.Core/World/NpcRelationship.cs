namespace Worldloom.Forge.Core.World;

/// <summary>A tie from one NPC to another.</summary>
/// <param name="NpcId">The other NPC.</param>
/// <param name="Kind">What the tie is: sibling, spouse, parent, child, friend, rival, mentor, student, employer, employee.</param>
public sealed record NpcRelationship(string NpcId, string Kind);
