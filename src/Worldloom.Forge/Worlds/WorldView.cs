using System.Text.Json;

namespace Worldloom.Forge.Worlds;

/// <summary>A world as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="ProjectId">Project.</param>
/// <param name="Name">Name.</param>
/// <param name="Seed">Seed as typed.</param>
/// <param name="Parameters">Parameters, every field explicit.</param>
/// <param name="HasRules">Whether scripted rules run during generation.</param>
/// <param name="Status">generating, ready or failed.</param>
/// <param name="Head">Head snapshot number (0 before the first generation).</param>
/// <param name="Hash">Head document hash: the world's name.</param>
/// <param name="Error">Why generation failed.</param>
/// <param name="JobId">The generation job.</param>
/// <param name="Summary">Land, settlements, rivers and biome mix of the head, when ready.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last changed.</param>
public sealed record WorldView(
    Guid Id,
    Guid ProjectId,
    string Name,
    string Seed,
    WorldParametersBody Parameters,
    bool HasRules,
    string Status,
    int Head,
    string? Hash,
    string? Error,
    Guid? JobId,
    JsonElement? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="w"/> with the head snapshot's summary JSON, if any.</summary>
    public static WorldView From(WorldRecord w, string? summaryJson)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(
            w.Id, w.ProjectId, w.Name, w.Seed, WorldParametersBody.From(WorldParametersBody.FromJson(w.ParametersJson)),
            w.Rules is not null, w.Status, w.Head, w.Hash, w.Error, w.JobId,
            summaryJson is null ? null : JsonDocument.Parse(summaryJson).RootElement.Clone(),
            w.CreatedAt, w.UpdatedAt);
    }
}
