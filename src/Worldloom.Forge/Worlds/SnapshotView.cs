using System.Text.Json;

namespace Worldloom.Forge.Worlds;

/// <summary>A snapshot as the API shows it.</summary>
/// <param name="Number">1, 2, 3, ...</param>
/// <param name="Kind">generated, edited or rollback.</param>
/// <param name="RestoredFrom">For a rollback, the snapshot it restored.</param>
/// <param name="Message">The user's note.</param>
/// <param name="Hash">The document hash.</param>
/// <param name="Overrides">How many overrides it carries.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="CreatedBy">Who saved it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="IsHead">Whether it is the world's head.</param>
public sealed record SnapshotView(int Number, string Kind, int? RestoredFrom, string? Message, string Hash, int Overrides, JsonElement Summary, Guid CreatedBy, DateTimeOffset CreatedAt, bool IsHead)
{
    /// <summary>The view of <paramref name="s"/>.</summary>
    public static SnapshotView From(WorldSnapshot s, int head)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var overrides = JsonDocument.Parse(s.OverridesJson);
        return new(s.Number, s.Kind, s.RestoredFrom, s.Message, s.Hash, overrides.RootElement.GetArrayLength(),
            JsonDocument.Parse(s.SummaryJson).RootElement.Clone(), s.CreatedBy, s.CreatedAt, s.Number == head);
    }
}
