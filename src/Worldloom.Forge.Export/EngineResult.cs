namespace Worldloom.Forge.Export;

/// <summary>What one engine added to a bundle.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Files">Its number of files.</param>
/// <param name="Bytes">Their total size, uncompressed.</param>
public sealed record EngineResult(string Engine, int Files, long Bytes);
