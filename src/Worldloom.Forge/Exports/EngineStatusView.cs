namespace Worldloom.Forge.Exports;

/// <summary>One engine of an export as the API shows it.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Title">Its display title.</param>
/// <param name="Status"><c>queued</c>, <c>running</c> or <c>done</c>.</param>
/// <param name="Files">Files written, once done.</param>
/// <param name="Bytes">Their total size uncompressed, once done.</param>
public sealed record EngineStatusView(string Engine, string Title, string Status, int Files, long Bytes);
