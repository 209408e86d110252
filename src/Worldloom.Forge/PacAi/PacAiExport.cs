namespace Worldloom.Forge.PacAi;

/// <summary>The body of <c>POST /v5/export</c>.</summary>
/// <param name="WorldId">The world to export.</param>
/// <param name="Snapshot">A snapshot number; the head when absent.</param>
/// <param name="Format">What to export; <c>json</c> (the canonical world document) is the default.</param>
public sealed record PacAiExport(Guid? WorldId, int? Snapshot, string? Format);
