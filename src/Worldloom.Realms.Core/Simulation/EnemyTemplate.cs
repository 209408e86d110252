using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>One of a zone's standing enemies: killed, it comes back from its template after the respawn delay;
/// <c>/reset</c> brings every template back.</summary>
/// <param name="Species">Index into the zone's species, or −1 for an archetype's own stats.</param>
/// <param name="Archetype">Index into the rules' archetypes.</param>
/// <param name="Home">Where it stands and returns to.</param>
internal readonly record struct EnemyTemplate(int Species, int Archetype, Vec Home);
