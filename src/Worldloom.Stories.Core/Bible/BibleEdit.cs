namespace Worldloom.Stories.Core.Bible;

/// <summary>One correction of a bible: an entity or a rule put (added or replaced by id) or removed.</summary>
public abstract record BibleEdit
{
    /// <summary>The edit's wire name (put_entity, remove_entity, put_rule, remove_rule).</summary>
    public abstract string KindName { get; }
}
