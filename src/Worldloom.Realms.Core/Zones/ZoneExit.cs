namespace Worldloom.Realms.Core.Zones;

/// <summary>A way out of a zone: walking onto a walkable tile of <paramref name="Edge"/> moves the player into
/// <paramref name="Target"/>, at the matching tile just inside that zone's opposite edge.</summary>
/// <param name="Edge">The side of this zone.</param>
/// <param name="Target">The neighbouring zone.</param>
public sealed record ZoneExit(ZoneEdge Edge, ZoneKey Target);
