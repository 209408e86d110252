namespace Worldloom.Platform.Jobs;

/// <summary>A job as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Status">Status.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="MaxAttempts">Attempts allowed.</param>
/// <param name="Result">Result JSON once succeeded.</param>
/// <param name="Error">Last error.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="FinishedAt">Finished.</param>
public sealed record JobView(Guid Id, string Kind, string Status, int Progress, string Stage, int Attempts, int MaxAttempts, string? Result, string? Error, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Maps an entity.</summary>
    public static JobView From(Job j) => new(j.Id, j.Kind, j.Status, j.Progress, j.Stage, j.Attempts, j.MaxAttempts, j.Result, j.Error, j.CreatedAt, j.UpdatedAt, j.FinishedAt);
}
