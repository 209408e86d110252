namespace Worldloom.Forge.Exports;

/// <summary>The engines the export dialog offers, and which the caller's tier unlocks.</summary>
/// <param name="Tier">The caller's tier.</param>
/// <param name="RequiredTier">The lowest tier that unlocks every engine.</param>
/// <param name="Engines">Every engine, in bundle order.</param>
public sealed record ExportEnginesView(string Tier, string RequiredTier, IReadOnlyList<ExportEngineView> Engines);
