namespace Worldloom.Stories.Core.Bible;

/// <summary>Adds <see cref="Entity"/>, or replaces the entity with its id.</summary>
/// <param name="Entity">The new entity.</param>
public sealed record PutEntity(BibleEntity Entity) : BibleEdit
{
    /// <inheritdoc />
    public override string KindName => "put_entity";
}
