using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export;

/// <summary>A written bundle: its manifest and what each engine contributed.</summary>
/// <param name="Manifest">The signed manifest.</param>
/// <param name="Engines">Per engine, in the bundle's engine order.</param>
public sealed record ExportResult(BundleManifest Manifest, IReadOnlyList<EngineResult> Engines);
