using System.Text;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;

namespace Worldloom.Stories.Bible;

/// <summary>Reading, writing and deriving the bibles scenes keep as <c>worldloom-bible/1</c> text.</summary>
public static class SceneBibles
{
    /// <summary>The empty bible: a scene with no world and no topic cast starts from it.</summary>
    public static SceneBible Empty => SceneBible.Create([], []).Bible!;

    /// <summary>The canonical text of <paramref name="bible"/>.</summary>
    public static string Write(SceneBible bible) => Encoding.UTF8.GetString(BibleJson.Write(bible));

    /// <summary>
    /// A stored bible. Stored text was written by <see cref="Write"/> after its checks, so a problem here is a broken
    /// database, not bad input: it throws with the problems.
    /// </summary>
    public static SceneBible Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return BibleJson.Read(Encoding.UTF8.GetBytes(json), out var errors)
            ?? throw new InvalidOperationException($"A stored bible does not read: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }

    /// <summary>
    /// The bible a fork at segment <paramref name="atSegment"/> starts with: the parent's first version and the
    /// corrections that apply to segments 1..k (renumbered 1, 2, ...), so the fork's shared segments keep the states they
    /// were made with and the parent's later plans do not follow it. Should the shortened history not restore (a later
    /// correction the kept ones depended on), the fork takes the parent's whole bible instead.
    /// </summary>
    public static SceneBible AsOfFork(SceneBible parent, int atSegment)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var kept = parent.Changes.Where(c => c.FromSegment <= atSegment).Select((c, i) => c with { Version = i + 1 }).ToList();
        if (kept.Count == parent.Changes.Count)
        {
            return parent;
        }

        return SceneBible.Restore(parent.Initial, kept).Bible ?? parent;
    }

    /// <summary>Field problems as the problem-details dictionary (several messages per field kept).</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<ParameterError> errors, string prefix = "") =>
        errors.GroupBy(e => prefix + e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
