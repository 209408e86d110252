namespace Worldloom.Forge.Core.World;

/// <summary>A reason to visit a point of interest, naming the people and places involved.</summary>
/// <param name="Text">One or two sentences that read well and name the NPCs and settlements below.</param>
/// <param name="NpcIds">NPCs the hook names, sorted.</param>
/// <param name="SettlementIds">Settlements the hook names, sorted.</param>
/// <param name="SpeciesId">The creature involved, if any (lairs).</param>
public sealed record QuestHook(string Text, IReadOnlyList<string> NpcIds, IReadOnlyList<string> SettlementIds, string? SpeciesId);
