using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Continuity;

/// <summary>The checks of who is in a shot and how they look.</summary>
public static partial class ContinuityValidator
{
    private sealed partial class Check
    {
        private ShotSubject Subject(ShotSubject subject, int index, string path)
        {
            if (state.Entity(subject.Entity) is not { } entity)
            {
                Violate(BibleRule, "the bible's entities", index, $"{path}.entity", $"the bible has no entity {subject.Entity}.");
                return subject;
            }

            if (entity.Kind == EntityKind.Location)
            {
                Violate(BibleRule, "the bible's entities", index, $"{path}.entity", $"{entity.Id} is a location; put it in the setting or a vista, not among the subjects.");
                return subject;
            }

            foreach (var death in state.RulesOf<DeathRule>().Where(r => r.EntityId == entity.Id && r.IsDeadIn(segment)))
            {
                Violate(death, index, $"{path}.entity", $"{entity.Name} is dead in segment {segment} but appears in shot {index + 1}.");
            }

            Terms(index, $"{path}.action", subject.Action);
            var look = Look(subject, entity, index, path);
            var wearing = Wearing(subject, entity, index, path);
            var holding = Holding(subject, entity, index, path);
            return subject with { Look = look, Wearing = wearing, Holding = holding };
        }

        private IReadOnlyDictionary<string, string> Look(ShotSubject subject, BibleEntity entity, int index, string path)
        {
            var look = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in subject.Look)
            {
                var at = $"{path}.look.{name}";
                var rule = state.RulesOf<AttributeRule>().FirstOrDefault(r => r.EntityId == entity.Id && r.Attribute == name);
                var fixedValue = rule?.Value ?? entity.Attribute(name);
                if (fixedValue is not null && fixedValue != value)
                {
                    Correct(rule?.Id ?? BibleRule, rule?.Text ?? $"{entity.Id} {name} is {fixedValue}", index, at, value, fixedValue,
                        $"{entity.Name}'s {name} is {fixedValue}, not {value}.");
                    look[name] = fixedValue;
                }
                else if (fixedValue is null && EntityAttributes.Check(entity.Kind, name, value) is { } problem)
                {
                    Violate(BibleRule, "the attributes an entity may have", index, at, $"{entity.Id}: {problem}");
                    look[name] = value;
                }
                else
                {
                    look[name] = value;
                }
            }

            return look;
        }

        private IReadOnlyList<Garment> Wearing(ShotSubject subject, BibleEntity entity, int index, string path)
        {
            if (subject.Wearing.Count == 0)
            {
                // An empty outfit means "as the bible dresses them", which the bible checks already hold to the rules.
                return subject.Wearing;
            }

            if (entity.Kind != EntityKind.Character)
            {
                Violate(BibleRule, "only characters wear clothing", index, $"{path}.wearing", $"{entity.Id} is a {EntityAttributes.KindName(entity.Kind)}; it wears nothing.");
                return subject.Wearing;
            }

            var wearing = new List<Garment>(subject.Wearing.Count);
            for (var k = 0; k < subject.Wearing.Count; k++)
            {
                var shown = subject.Wearing[k];
                var at = $"{path}.wearing[{k}]";
                Terms(index, $"{at}.item", shown.Item);
                var rule = state.RulesOf<AlwaysWearsRule>().FirstOrDefault(r => r.EntityId == entity.Id && Text.Words.SameNoun(r.Item, shown.Item) && r.Colour is not null);
                var colour = rule?.Colour ?? entity.GarmentFor(shown.Item)?.Colour;
                if (colour is not null && colour != shown.Colour)
                {
                    Correct(rule?.Id ?? BibleRule, rule?.Text ?? $"{entity.Id} wears a {colour} {shown.Item}", index, $"{at}.colour", shown.Colour, colour,
                        $"{entity.Name}'s {shown.Item} is {colour}, not {shown.Colour}.");
                    shown = shown with { Colour = colour };
                }

                wearing.Add(shown);
            }

            foreach (var rule in state.RulesOf<AlwaysWearsRule>().Where(r => r.EntityId == entity.Id))
            {
                if (wearing.Any(g => Text.Words.SameNoun(g.Item, rule.Item)))
                {
                    continue;
                }

                var colour = rule.Colour ?? entity.GarmentFor(rule.Item)?.Colour ?? "grey";
                if (wearing.Count >= ShotPlanLimits.MaxOutfitItems)
                {
                    Violate(rule, index, $"{path}.wearing", $"{entity.Name} must wear the {rule.Item}, but the outfit is full.");
                    continue;
                }

                Correct(rule.Id, rule.Text, index, $"{path}.wearing[{wearing.Count}]", "", $"{colour} {rule.Item}", $"{entity.Name} always wears the {colour} {rule.Item}; added.");
                wearing.Add(new Garment(rule.Item, colour));
            }

            return wearing;
        }

        private IReadOnlyList<string> Holding(ShotSubject subject, BibleEntity entity, int index, string path)
        {
            for (var k = 0; k < subject.Holding.Count; k++)
            {
                Terms(index, $"{path}.holding[{k}]", subject.Holding[k]);
            }

            if (subject.Holding.Count == 0)
            {
                return subject.Holding;
            }

            var holding = subject.Holding.ToList();
            foreach (var rule in state.RulesOf<AlwaysCarriesRule>().Where(r => r.EntityId == entity.Id && !holding.Any(h => BibleChecks.SameItem(h, r.Item))))
            {
                if (holding.Count >= ShotPlanLimits.MaxOutfitItems)
                {
                    Violate(rule, index, $"{path}.holding", $"{entity.Name} must carry the {rule.Item}, but their hands are full.");
                    continue;
                }

                Correct(rule.Id, rule.Text, index, $"{path}.holding[{holding.Count}]", "", rule.Item, $"{entity.Name} always carries the {rule.Item}; added.");
                holding.Add(rule.Item);
            }

            return holding;
        }

        private void Apart(Shot shot, int index, string path)
        {
            foreach (var rule in state.RulesOf<ApartRule>())
            {
                var first = IndexOf(shot, rule.EntityId);
                var second = IndexOf(shot, rule.OtherId);
                if (first >= 0 && second >= 0)
                {
                    Violate(rule, index, $"{path}.subjects[{Math.Max(first, second)}].entity",
                        $"{rule.EntityId} and {rule.OtherId} are both in shot {index + 1}; which one leaves is the author's call.");
                }
            }
        }

        private static int IndexOf(Shot shot, string entity)
        {
            for (var j = 0; j < shot.Subjects.Count; j++)
            {
                if (shot.Subjects[j].Entity == entity)
                {
                    return j;
                }
            }

            return -1;
        }
    }
}
