namespace Worldloom.Stories.Core.Rules;

/// <summary>Rule ids: a lower-case letter, then lower-case letters, digits and underscores, at most 40 characters.</summary>
public static class RuleIds
{
    /// <summary>Longest rule id.</summary>
    public const int MaxLength = 40;

    /// <summary>Whether <paramref name="id"/> is a well-formed rule id.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id[0] is >= 'a' and <= 'z'
        && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');

    /// <summary>The id of the <paramref name="n"/>-th unlabelled rule: <c>rule_n</c>.</summary>
    public static string Numbered(int n) => $"rule_{n}";
}
