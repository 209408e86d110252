using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Bible;

/// <summary>Adds <see cref="Rule"/>, or replaces the rule with its id.</summary>
/// <param name="Rule">The new rule.</param>
public sealed record PutRule(StoryRule Rule) : BibleEdit
{
    /// <inheritdoc />
    public override string KindName => "put_rule";
}
