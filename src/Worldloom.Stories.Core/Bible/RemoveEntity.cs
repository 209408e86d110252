namespace Worldloom.Stories.Core.Bible;

/// <summary>Removes the entity <see cref="Id"/>; no rule may still name it.</summary>
/// <param name="Id">The entity id.</param>
public sealed record RemoveEntity(string Id) : BibleEdit
{
    /// <inheritdoc />
    public override string KindName => "remove_entity";
}
