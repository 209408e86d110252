using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Bible;

/// <summary>What a bible says for one segment: its entities (sorted by id) and rules, after the corrections that apply.</summary>
public sealed class BibleState
{
    private readonly Dictionary<string, BibleEntity> _byId;

    /// <summary>A state of <paramref name="entities"/> and <paramref name="rules"/> at <paramref name="version"/>.</summary>
    public BibleState(IEnumerable<BibleEntity> entities, IEnumerable<StoryRule> rules, int version)
        : this([.. (entities ?? throw new ArgumentNullException(nameof(entities))).OrderBy(e => e.Id, StringComparer.Ordinal)], [.. rules ?? throw new ArgumentNullException(nameof(rules))], version)
    {
    }

    // Takes the lists as they are: callers pass entities already sorted by id.
    private BibleState(List<BibleEntity> sortedEntities, List<StoryRule> rules, int version)
    {
        Entities = sortedEntities;
        Rules = rules;
        Version = version;
        _byId = new Dictionary<string, BibleEntity>(sortedEntities.Count, StringComparer.Ordinal);
        foreach (var entity in sortedEntities)
        {
            _byId.TryAdd(entity.Id, entity);
        }
    }

    /// <summary>Entities, sorted by id.</summary>
    public IReadOnlyList<BibleEntity> Entities { get; }

    /// <summary>Rules, in the order they were written.</summary>
    public IReadOnlyList<StoryRule> Rules { get; }

    /// <summary>The highest bible version whose change this state includes (0: the bible as first written).</summary>
    public int Version { get; }

    /// <summary>The entity <paramref name="id"/>, or null.</summary>
    public BibleEntity? Entity(string? id) => id is not null && _byId.TryGetValue(id, out var entity) ? entity : null;

    /// <summary>The entities of one kind, sorted by id.</summary>
    public IReadOnlyList<BibleEntity> OfKind(EntityKind kind) => [.. Entities.Where(e => e.Kind == kind)];

    /// <summary>The rules of one type, in order.</summary>
    public IReadOnlyList<T> RulesOf<T>()
        where T : StoryRule => [.. Rules.OfType<T>()];

    /// <summary>Whether a death rule says <paramref name="id"/> is dead in <paramref name="segment"/>.</summary>
    public bool IsDead(string id, int segment) => Rules.OfType<DeathRule>().Any(r => r.EntityId == id && r.IsDeadIn(segment));

    /// <summary>
    /// This state with <paramref name="edit"/> applied; removing what is not there changes nothing. Linear in the
    /// bible's size (no re-sorting), since <see cref="SceneBible.AsOf"/> applies every correction on each call.
    /// </summary>
    public BibleState With(BibleEdit edit, int version)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var entities = (List<BibleEntity>)Entities;
        var rules = (List<StoryRule>)Rules;
        switch (edit)
        {
            case PutEntity put:
                var sorted = new List<BibleEntity>(entities);
                var at = sorted.BinarySearch(put.Entity, IdOrder);
                if (at >= 0)
                {
                    sorted[at] = put.Entity;
                }
                else
                {
                    sorted.Insert(~at, put.Entity);
                }

                return new BibleState(sorted, rules, version);
            case RemoveEntity remove:
                return new BibleState(entities.Where(e => e.Id != remove.Id).ToList(), rules, version);
            case PutRule put:
                return new BibleState(entities, Replace(put.Rule), version);
            case RemoveRule remove:
                return new BibleState(entities, rules.Where(r => r.Id != remove.Id).ToList(), version);
            default:
                throw new ArgumentException($"Unknown edit {edit.GetType().Name}.", nameof(edit));
        }
    }

    private static readonly Comparer<BibleEntity> IdOrder = Comparer<BibleEntity>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));

    private List<StoryRule> Replace(StoryRule rule)
    {
        var rules = Rules.ToList();
        var at = rules.FindIndex(r => r.Id == rule.Id);
        if (at >= 0)
        {
            rules[at] = rule;
        }
        else
        {
            rules.Add(rule);
        }

        return rules;
    }
}
