using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// Whether a bible state holds together: sizes within bounds, ids unique, every entity well formed, every rule naming
/// entities that exist, and no rule contradicting the entities or another rule (a red-cloak rule on a character the
/// bible dresses in blue; a tower both north and south of the river). Paths name entities and rules by id
/// (<c>entities.char_mira.clothing</c>, <c>rules.rule_2</c>), which stay true however the document is ordered.
/// </summary>
public static class BibleChecks
{
    /// <summary>Most entities in one bible.</summary>
    public const int MaxEntities = 512;

    /// <summary>Most rules in one bible.</summary>
    public const int MaxRules = 128;

    /// <summary>Every problem of <paramref name="state"/>; empty when it is consistent.</summary>
    public static IReadOnlyList<ParameterError> Check(BibleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = new List<ParameterError>();
        if (state.Entities.Count > MaxEntities)
        {
            errors.Add(new("entities", $"at most {MaxEntities} entities; got {state.Entities.Count}."));
        }

        if (state.Rules.Count > MaxRules)
        {
            errors.Add(new("rules", $"at most {MaxRules} rules; got {state.Rules.Count}."));
        }

        for (var i = 0; i < state.Entities.Count; i++)
        {
            var entity = state.Entities[i];
            if (i > 0 && state.Entities[i - 1].Id == entity.Id)
            {
                errors.Add(new($"entities.{entity.Id}", "the id is used twice."));
            }

            errors.AddRange(EntityChecks.Check(entity, $"entities.{entity.Id}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in state.Rules)
        {
            var path = $"rules.{rule.Id}";
            if (!seen.Add(rule.Id))
            {
                errors.Add(new(path, "the id is used twice."));
            }

            foreach (var id in rule.Entities)
            {
                if (state.Entity(id) is null)
                {
                    errors.Add(new(path, $"\"{rule.Text}\" names {id}, which the bible does not hold."));
                }
            }

            if (AgainstEntities(state, rule) is { } problem)
            {
                errors.Add(new(path, problem));
            }
        }

        CheckDeaths(state, errors);
        CheckDirections(state, errors);
        return errors;
    }

    private static string? AgainstEntities(BibleState state, StoryRule rule)
    {
        switch (rule)
        {
            case AlwaysWearsRule wears when state.Entity(wears.EntityId) is { } who:
                var garment = who.GarmentFor(wears.Item);
                if (garment is null)
                {
                    return $"\"{rule.Text}\", but {who.Id}'s clothing has no {wears.Item}; add it to the entity.";
                }

                return wears.Colour is not null && garment.Colour != wears.Colour
                    ? $"\"{rule.Text}\", but the bible dresses {who.Id} in a {garment.Colour} {garment.Item}."
                    : null;
            case AlwaysCarriesRule carries when state.Entity(carries.EntityId) is { } who:
                return who.Items.Any(i => SameItem(i, carries.Item))
                    ? null
                    : $"\"{rule.Text}\", but {who.Id}'s items do not list {carries.Item}; add it to the entity.";
            case AttributeRule attribute when state.Entity(attribute.EntityId) is { } who:
                var value = who.Attribute(attribute.Attribute);
                return value == attribute.Value
                    ? null
                    : $"\"{rule.Text}\", but the bible gives {who.Id} {attribute.Attribute} {(value is null ? "no value" : $"\"{value}\"")}.";
            default:
                return null;
        }
    }

    /// <summary>Whether two item phrases name one thing (same words, up to a plural of the last).</summary>
    public static bool SameItem(string a, string b)
    {
        var left = Text.Words.Split(a);
        var right = Text.Words.Split(b);
        return left.Count == right.Count && Text.Words.Find(left, [.. right.Select(w => w.Word)]) == 0;
    }

    private static void CheckDeaths(BibleState state, List<ParameterError> errors)
    {
        foreach (var group in state.RulesOf<DeathRule>().GroupBy(r => r.EntityId).Where(g => g.Select(r => r.AfterSegment).Distinct().Count() > 1))
        {
            var rules = group.ToList();
            errors.Add(new($"rules.{rules[1].Id}", $"{group.Key} dies twice: \"{rules[0].Text}\" and \"{rules[1].Text}\"."));
        }
    }

    // "A north of B" is an edge on the north–south axis (and likewise east–west); a cycle on either axis, such as
    // A north of B north of C north of A, cannot be drawn on any map.
    private static void CheckDirections(BibleState state, List<ParameterError> errors)
    {
        var rules = state.RulesOf<DirectionRule>();
        foreach (var axis in new Func<Compass, int>[] { CompassNames.NorthSouth, CompassNames.EastWest })
        {
            var edges = new List<(string From, string To, DirectionRule Rule)>();
            foreach (var rule in rules)
            {
                var sign = axis(rule.Direction);
                if (sign > 0)
                {
                    edges.Add((rule.EntityId, rule.OtherId, rule));
                }
                else if (sign < 0)
                {
                    edges.Add((rule.OtherId, rule.EntityId, rule));
                }
            }

            if (FindCycle(edges) is { } cycle)
            {
                errors.Add(new($"rules.{cycle[^1].Id}", $"the directions contradict each other: {string.Join("; ", cycle.Select(r => $"\"{r.Text}\""))}."));
            }
        }

        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (rules[i], rules[j]);
                var same = a.EntityId == b.EntityId && a.OtherId == b.OtherId;
                var mirrored = a.EntityId == b.OtherId && a.OtherId == b.EntityId;
                if ((same && a.Direction != b.Direction) || (mirrored && a.Direction != CompassNames.Opposite(b.Direction)))
                {
                    errors.Add(new($"rules.{a.Id}", $"\"{a.Text}\" contradicts \"{b.Text}\"."));
                }
            }
        }
    }

    private static List<DirectionRule>? FindCycle(List<(string From, string To, DirectionRule Rule)> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<(string From, DirectionRule Rule)>();
        foreach (var start in nodes)
        {
            if (Visit(start) is { } closedAt)
            {
                // The search path may lead into the cycle; keep only the cycle itself.
                return [.. path.Skip(path.FindIndex(p => p.From == closedAt)).Select(p => p.Rule)];
            }
        }

        return null;

        // Depth-first search; state 1 = on the current path, 2 = finished. Bibles hold at most MaxRules edges.
        string? Visit(string node)
        {
            if (state.ContainsKey(node))
            {
                return null;
            }

            state[node] = 1;
            foreach (var edge in edges.Where(e => e.From == node))
            {
                path.Add((edge.From, edge.Rule));
                if (state.GetValueOrDefault(edge.To) == 1)
                {
                    return edge.To;
                }

                if (Visit(edge.To) is { } closedAt)
                {
                    return closedAt;
                }

                path.RemoveAt(path.Count - 1);
            }

            state[node] = 2;
            return null;
        }
    }
}
