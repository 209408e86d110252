using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Entities;

/// <summary>One thing that happened in a tick; snapshots carry the events near the client (not delta-encoded: a
/// lost event is a lost damage number, while the state it changed arrives with the next snapshot).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Source">The entity that caused it, or 0.</param>
/// <param name="Target">The entity it happened to, or 0.</param>
/// <param name="Amount">Hit points lost or gained, or 0.</param>
/// <param name="Position">Where, in sub-tiles.</param>
/// <param name="Skill">The skill's index in the realm rules for casts, hits and heals, or 0.</param>
public readonly record struct ZoneEvent(ZoneEventKind Kind, uint Source, uint Target, int Amount, Vec Position, ushort Skill);
