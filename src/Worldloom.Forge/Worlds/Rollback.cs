namespace Worldloom.Forge.Worlds;

/// <summary>The body of <c>POST /api/worlds/{id}/snapshots/{n}/rollback</c>.</summary>
/// <param name="Base">The head snapshot number the client saw; a different head answers 409.</param>
/// <param name="Message">A note for the history.</param>
public sealed record Rollback(int? Base, string? Message);
