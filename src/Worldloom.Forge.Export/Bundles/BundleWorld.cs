using System.Text.Json;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>The world a bundle was exported from, as the manifest records it.</summary>
/// <param name="Hash">The world's hash (SHA-256 of its canonical document).</param>
/// <param name="Seed">The seed's text.</param>
/// <param name="SeedKind"><c>integer</c> or <c>string</c>, as in the world document.</param>
/// <param name="Generator">The generator version that made it (<c>forge/1</c>).</param>
/// <param name="Parameters">The generation parameters, as in the world document.</param>
public sealed record BundleWorld(string Hash, string Seed, string SeedKind, string Generator, JsonElement Parameters);
