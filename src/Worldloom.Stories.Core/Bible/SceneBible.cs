using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// A scene's bible: the entities and rules as first written, and the corrections made since, each stamped with the
/// version it made and the segment it applies from. <see cref="AsOf"/> gives the state a segment is validated
/// against. Immutable; <see cref="Correct"/> returns a new bible, or the problems and no change.
/// </summary>
public sealed class SceneBible
{
    /// <summary>
    /// Most corrections one bible keeps. Each state is rebuilt from the first version (<see cref="AsOf"/>), and a
    /// correction re-checks every state it reaches, so the bound keeps one correction to milliseconds; a scene that
    /// needs more is better rewritten as a fresh bible.
    /// </summary>
    public const int MaxChanges = 256;

    private SceneBible(BibleState initial, IReadOnlyList<BibleChange> changes)
    {
        Initial = initial;
        Changes = changes;
    }

    /// <summary>The bible as first written (version 0).</summary>
    public BibleState Initial { get; }

    /// <summary>The corrections, in version order.</summary>
    public IReadOnlyList<BibleChange> Changes { get; }

    /// <summary>The latest version: 0 before any correction.</summary>
    public int Version => Changes.Count == 0 ? 0 : Changes[^1].Version;

    /// <summary>The state for the newest segments: every correction applied.</summary>
    public BibleState Latest => AsOf(int.MaxValue);

    /// <summary>A bible of <paramref name="entities"/> and <paramref name="rules"/>, or the problems that stop it.</summary>
    public static BibleResult Create(IEnumerable<BibleEntity> entities, IEnumerable<StoryRule> rules)
    {
        var initial = new BibleState(entities, rules, 0);
        var errors = BibleChecks.Check(initial);
        return errors.Count == 0 ? new BibleResult(new SceneBible(initial, []), errors) : new BibleResult(null, errors);
    }

    /// <summary>
    /// A bible rebuilt from storage: <paramref name="initial"/> and its <paramref name="changes"/>. Versions must count
    /// 1, 2, 3, ...; each removal must find its target; and every state the bible gives (segment 1 and each segment a
    /// correction starts at) must be consistent. That is what <see cref="Correct"/> guarantees one edit at a time,
    /// checked once over the whole history.
    /// </summary>
    public static BibleResult Restore(BibleState initial, IReadOnlyList<BibleChange> changes)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(changes);
        var created = Create(initial.Entities, initial.Rules);
        if (created.Bible is not { } bible)
        {
            return created;
        }

        if (changes.Count > MaxChanges)
        {
            return new BibleResult(null, [new("changes", $"a bible keeps at most {MaxChanges} corrections; got {changes.Count}.")]);
        }

        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Version != i + 1)
            {
                return new BibleResult(null, [new($"changes[{i}].version", $"must be {i + 1}: versions count 1, 2, 3, ... in order.")]);
            }

            if (changes[i].FromSegment < 1)
            {
                return new BibleResult(null, [new($"changes[{i}].fromSegment", $"segments count from 1; got {changes[i].FromSegment}.")]);
            }

            if (bible.MissingTarget(changes[i].Edit, changes[i].FromSegment) is { } missing)
            {
                return new BibleResult(null, [new($"changes[{i}]", $"{missing.Field}: {missing.Message}")]);
            }

            bible = new SceneBible(bible.Initial, [.. bible.Changes, changes[i]]);
        }

        foreach (var segment in changes.Select(c => c.FromSegment).Distinct().Order())
        {
            var errors = BibleChecks.Check(bible.AsOf(segment));
            if (errors.Count > 0)
            {
                return new BibleResult(null, [.. errors.Select(e => new ParameterError("changes", $"in segment {segment}: {e.Field}: {e.Message}"))]);
            }
        }

        return new BibleResult(bible, []);
    }

    /// <summary>The state segment <paramref name="segment"/> (1-based) is validated against: every change from it or earlier.</summary>
    public BibleState AsOf(int segment)
    {
        var state = Initial;
        foreach (var change in Changes)
        {
            if (change.FromSegment <= segment)
            {
                state = state.With(change.Edit, change.Version);
            }
        }

        return state;
    }

    /// <summary>
    /// This bible with <paramref name="edit"/> applied from <paramref name="fromSegment"/> on, as version
    /// <see cref="Version"/> + 1; or the problems (paths under <c>edit</c>) and no change. Every state the edit reaches
    /// must stay consistent, including those of later-starting corrections made before it. Error fields name the entity
    /// or rule (<c>rules.rule_2</c>), or <c>fromSegment</c>, or <c>edit.id</c>.
    /// </summary>
    public BibleResult Correct(BibleEdit edit, int fromSegment)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (fromSegment < 1)
        {
            return new BibleResult(null, [new("fromSegment", $"segments count from 1; got {fromSegment}.")]);
        }

        if (Changes.Count >= MaxChanges)
        {
            return new BibleResult(null, [new("edit", $"a bible keeps at most {MaxChanges} corrections.")]);
        }

        if (MissingTarget(edit, fromSegment) is { } missing)
        {
            return new BibleResult(null, [missing]);
        }

        var changes = Changes.Append(new BibleChange(Version + 1, fromSegment, edit)).ToList();
        var next = new SceneBible(Initial, changes);
        var reached = changes.Select(c => c.FromSegment).Where(s => s >= fromSegment).Distinct().Order();
        foreach (var segment in reached)
        {
            var errors = BibleChecks.Check(next.AsOf(segment));
            if (errors.Count > 0)
            {
                return new BibleResult(null, [.. errors.Select(e => new ParameterError(e.Field, $"in segment {segment}: {e.Message}"))]);
            }
        }

        return new BibleResult(next, []);
    }

    // A removal must name something the segment's state holds; a typo must not pass as a no-op.
    private ParameterError? MissingTarget(BibleEdit edit, int fromSegment)
    {
        if (edit is not (RemoveEntity or RemoveRule))
        {
            return null;
        }

        var before = AsOf(fromSegment);
        return edit switch
        {
            RemoveEntity remove when before.Entity(remove.Id) is null => new ParameterError("edit.id", $"no entity {remove.Id} in segment {fromSegment}."),
            RemoveRule remove when before.Rules.All(r => r.Id != remove.Id) => new ParameterError("edit.id", $"no rule {remove.Id} in segment {fromSegment}."),
            _ => null,
        };
    }
}
