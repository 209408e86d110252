namespace Worldloom.Forge.Core.World;

/// <summary>How one faction stands towards another. Relations are symmetric.</summary>
/// <param name="FactionId">The other faction.</param>
/// <param name="Standing">−100 (war) to 100 (alliance).</param>
/// <param name="Stance">The word for <paramref name="Standing"/>: war, rival, neutral, friendly, allied.</param>
public sealed record FactionRelation(string FactionId, int Standing, string Stance);
