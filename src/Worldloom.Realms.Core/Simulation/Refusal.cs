namespace Worldloom.Realms.Core.Simulation;

/// <summary>An input the server refused.</summary>
/// <param name="CharacterId">Whose input.</param>
/// <param name="Sequence">The input's sequence number.</param>
/// <param name="Code">One of <see cref="RefusalCodes"/>.</param>
public readonly record struct Refusal(Guid CharacterId, uint Sequence, string Code);
