namespace Worldloom.Forge.Exports;

/// <summary>The input of a <c>forge.export</c> job.</summary>
/// <param name="ExportId">The export it builds.</param>
public sealed record WorldExportInput(Guid ExportId);
