using System.Text.Json;

namespace Worldloom.Forge.Worlds;

/// <summary>The body of <c>POST /api/worlds/{id}/overrides</c>: overrides to append to the head's list.</summary>
/// <param name="Overrides">The new overrides, applied after the existing ones, in order.</param>
/// <param name="Base">The head snapshot number the client edited; a different head answers 409 so edits are never lost.</param>
/// <param name="Message">A note for the history.</param>
public sealed record OverridesAppend(JsonElement? Overrides, int? Base, string? Message);
