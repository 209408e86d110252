namespace Worldloom.Stories.Core.Rules;

/// <summary><c>char_mira never appears with char_tomas</c>: no shot shows both.</summary>
public sealed record ApartRule : StoryRule
{
    /// <summary>One entity.</summary>
    public required string EntityId { get; init; }

    /// <summary>The other.</summary>
    public required string OtherId { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId, OtherId];
}
