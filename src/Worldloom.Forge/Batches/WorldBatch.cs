namespace Worldloom.Forge.Batches;

/// <summary>Many seeds generated with one set of parameters, for comparing and picking; the job fills its items.</summary>
public sealed class WorldBatch
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The project.</summary>
    public Guid ProjectId { get; set; }

    /// <summary>Who started it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The parameters as camelCase JSON.</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The seeds, as a JSON array of strings, in order.</summary>
    public required string SeedsJson { get; set; }

    /// <summary>How many seeds.</summary>
    public int Count { get; set; }

    /// <summary>The job generating it.</summary>
    public Guid JobId { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
