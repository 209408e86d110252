namespace Worldloom.Forge.Exports;

/// <summary>
/// One export of a world snapshot to a set of engines: the job that builds it and, once ready, the signed bundle in the
/// blob store (named by its SHA-256). Bundles are deterministic, so the same world, engines and key give the same blob.
/// </summary>
public sealed class WorldExportRecord
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The world exported.</summary>
    public Guid WorldId { get; set; }

    /// <summary>The snapshot exported.</summary>
    public int Snapshot { get; set; }

    /// <summary>The snapshot's document hash: the world's name, recorded in the bundle's manifest.</summary>
    public required string WorldHash { get; set; }

    /// <summary>The engines, comma-separated in <see cref="Export.Engines.ExportEngines.All"/>'s order (<c>json,tiled</c>).</summary>
    public required string Engines { get; set; }

    /// <summary>Who asked for it (ownership checks use it).</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The job that builds the bundle.</summary>
    public Guid? JobId { get; set; }

    /// <summary>queued, running, ready or failed (see <see cref="ExportStatus"/>).</summary>
    public string Status { get; set; } = ExportStatus.Queued;

    /// <summary>Per engine, in bundle order: status, files and bytes (<see cref="EngineState"/> as JSON).</summary>
    public string EnginesJson { get; set; } = "[]";

    /// <summary>SHA-256 of the bundle: its blob name.</summary>
    public string? BundleSha256 { get; set; }

    /// <summary>The bundle's size in bytes.</summary>
    public long? BundleSize { get; set; }

    /// <summary>Files in the bundle, besides the manifest and its signature.</summary>
    public int? FileCount { get; set; }

    /// <summary>The id of the key that signed the manifest.</summary>
    public string? KeyId { get; set; }

    /// <summary>Why the export failed.</summary>
    public string? Error { get; set; }

    /// <summary>Asked for.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Became ready or failed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
