using System.Text.Json;

namespace Worldloom.Forge.PacAi;

/// <summary>The body of <c>POST /v5/export</c>.</summary>
/// <param name="WorldId">The world to export.</param>
/// <param name="Snapshot">A snapshot number; the head when absent.</param>
/// <param name="Format">One engine's name or <c>all</c> (PacAI's single format); <c>json</c> when neither this nor <paramref name="Engines"/> is given.</param>
/// <param name="Engines">Several engines, as the native route takes them; instead of <paramref name="Format"/>.</param>
public sealed record PacAiExport(Guid? WorldId, int? Snapshot, string? Format, JsonElement? Engines);
