namespace Worldloom.Realms.Realms;

/// <summary>The body of <c>POST /api/realms</c>.</summary>
/// <param name="WorldId">A generated Forge world the caller may see.</param>
/// <param name="Name">Display name, 1–100 characters.</param>
/// <param name="Preset"><c>world</c> or <c>test-area</c>.</param>
/// <param name="Visibility">
/// <c>public</c> or <c>private</c>; when left out, <see cref="RealmVisibility.DefaultFor"/> the preset.
/// </param>
public sealed record RealmCreate(Guid? WorldId, string? Name, string? Preset, string? Visibility = null);
