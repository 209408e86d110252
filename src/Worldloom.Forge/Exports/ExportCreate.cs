using System.Text.Json;

namespace Worldloom.Forge.Exports;

/// <summary>The body of <c>POST /api/worlds/{id}/exports</c>.</summary>
public sealed record ExportCreate
{
    /// <summary>An array of engine names, or <c>"all"</c> (a comma-separated string is accepted too).</summary>
    public JsonElement? Engines { get; init; }

    /// <summary>The snapshot to export; the head when absent.</summary>
    public int? Snapshot { get; init; }
}
