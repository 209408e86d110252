namespace Worldloom.Forge.Exports;

/// <summary>The answer to starting an export: its id, its job, and where to follow and fetch it.</summary>
/// <param name="ExportId">The export.</param>
/// <param name="JobId">Its job (<c>/api/jobs/{id}/events</c> streams its progress).</param>
/// <param name="Status">The export's status URL.</param>
/// <param name="Download">Where the ZIP will be once ready (409 until then).</param>
public sealed record ExportStarted(Guid ExportId, Guid JobId, string Status, string Download);
