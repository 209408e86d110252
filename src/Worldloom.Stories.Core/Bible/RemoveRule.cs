namespace Worldloom.Stories.Core.Bible;

/// <summary>Removes the rule <see cref="Id"/>.</summary>
/// <param name="Id">The rule id.</param>
public sealed record RemoveRule(string Id) : BibleEdit
{
    /// <inheritdoc />
    public override string KindName => "remove_rule";
}
