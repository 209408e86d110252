using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Narration;

/// <summary>Bindings, subjects and the text helpers of one narration.</summary>
internal sealed partial class SegmentComposer
{
    private Dictionary<string, string> SceneBindings(Vista? vista)
    {
        var place = _location is null ? SceneWords.BiomePlace(_biome) : SceneWords.PlaceName(_location);
        var landmarks = _location is { Landmarks.Count: > 0 } ? _location.Landmarks.Select(l => "the " + l).ToList() : SceneWords.BiomeLandmarks(_biome);
        var landmark = PickOne(landmarks);
        var sky = _grammar.Expand("sky_" + ShotNames.Weather.ToName(_weather), Empty, rng);
        var names = _cast.Count > 0 ? SceneWords.Names(_cast) : "no one";
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["place"] = place,
            ["Place"] = Phrases.Capitalise(place),
            ["landmark"] = landmark,
            ["Landmark"] = Phrases.Capitalise(landmark),
            ["landmark_at"] = rng.NextBool() ? "by " + landmark : "in " + place,
            ["time"] = SceneWords.TimePhrase(_time),
            ["sky"] = sky,
            ["Sky"] = Phrases.Capitalise(sky),
            ["names"] = names,
            ["Names"] = Phrases.Capitalise(names),
        };
        if (vista is not null)
        {
            var far = state.Entity(vista.Location)!;
            bindings["far"] = SceneWords.PlaceName(far);
            bindings["dir"] = CompassNames.Names.ToName(vista.Direction);
        }

        return bindings;
    }

    private static readonly Dictionary<string, string> Empty = [];

    private static Dictionary<string, string> Bind(Dictionary<string, string> scene, BibleEntity actor, BibleEntity? other)
    {
        var with = new Dictionary<string, string>(scene, StringComparer.Ordinal)
        {
            ["name"] = actor.ShortName,
            ["Name"] = Phrases.Capitalise(actor.ShortName),
            ["pos"] = SceneWords.Possessive(actor),
            ["other"] = other?.ShortName ?? "friend",
            ["Other"] = Phrases.Capitalise(other?.ShortName ?? "friend"),
        };
        return with;
    }

    // Close shots show the bible's outfit, garments a rule demands first (at most the plan's bound); wide shots leave
    // the look to the bible.
    private ShotSubject Subject(BibleEntity entity, string action, ScreenPosition position, bool closeUp)
    {
        if (!closeUp || entity.Kind != EntityKind.Character)
        {
            return new ShotSubject { Entity = entity.Id, Action = action, Position = position };
        }

        var required = state.RulesOf<AlwaysWearsRule>().Where(r => r.EntityId == entity.Id).Select(r => r.Item).ToList();
        var wearing = entity.Clothing
            .OrderBy(g => required.Any(r => Words.SameNoun(r, g.Item)) ? 0 : 1)
            .Take(ShotPlanLimits.MaxOutfitItems)
                        .ToList();
        var carried = state.RulesOf<AlwaysCarriesRule>().Where(r => r.EntityId == entity.Id).Select(r => r.Item).ToList();
        var holding = entity.Items.OrderBy(i => carried.Any(c => BibleChecks.SameItem(c, i)) ? 0 : 1).Take(ShotPlanLimits.MaxOutfitItems).ToList();
        var look = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "hair", "eyes" })
        {
            if (entity.Attribute(name) is { } value)
            {
                look[name] = value;
            }
        }

        return new ShotSubject { Entity = entity.Id, Action = action, Position = position, Wearing = wearing, Holding = holding, Look = look };
    }

    private ScreenPosition[] Positions(int count) => count switch
    {
        <= 1 => [PickOne([ScreenPosition.Center, ScreenPosition.Center, ScreenPosition.Left, ScreenPosition.Right])],
        2 => rng.NextBool() ? [ScreenPosition.Left, ScreenPosition.Right] : [ScreenPosition.Right, ScreenPosition.Left],
        3 => [ScreenPosition.Left, ScreenPosition.Center, ScreenPosition.Right],
        _ => [ScreenPosition.Left, ScreenPosition.Center, ScreenPosition.Right, ScreenPosition.Distance],
    };

    /// <summary>Expands <paramref name="symbol"/>, redrawing while the result holds a forbidden word.</summary>
    private string Say(string symbol, Dictionary<string, string> bindings)
    {
        var text = _grammar.Expand(symbol, bindings, rng);
        for (var attempt = 1; attempt < RedrawLimit && Forbidden(text); attempt++)
        {
            text = _grammar.Expand(symbol, bindings, rng);
        }

        return text;
    }

    private bool Forbidden(string text)
    {
        if (_forbidden.Count == 0)
        {
            return false;
        }

        var words = Words.Split(text);
        return _forbidden.Any(rule => rule.Phrases.Any(p => Words.Find(words, [.. Words.Split(p).Select(w => w.Word)]) >= 0));
    }

    private string Summary(IReadOnlyList<Shot> shots)
    {
        var place = _location is null ? SceneWords.BiomePlace(_biome) : SceneWords.PlaceName(_location);
        var when = SceneWords.TimePhrase(_time);
        string text;
        if (_cast.Count == 0)
        {
            text = $"{Phrases.Capitalise(place)} {when}: {request.Prompt.Trim().TrimEnd('.')}.";
        }
        else
        {
            var actors = _keyActors.Count > 0 ? _keyActors : [_cast[0]];
            text = $"{Phrases.Capitalise(SceneWords.Names(_cast))} in {place} {when}. {Phrases.Capitalise(SceneWords.Names(actors))} {_key ?? "wait"}.";
            if (shots.LastOrDefault(s => s.Dialogue is not null)?.Dialogue is { } line && state.Entity(line.Speaker) is { } speaker)
            {
                text += $" {speaker.ShortName}: \"{line.Text}\"";
            }
        }

        return Clip(text, ShotPlanLimits.MaxSummaryLength);
    }

    // Long names (up to 80 characters each) could push a description past its bound; clip rather than fail.
    private string Describe(string symbol, Dictionary<string, string> bindings) =>
        Clip(Sentence(Say(symbol, bindings)), ShotPlanLimits.MaxDescriptionLength);

    private static string Sentence(string text) =>
        Phrases.Capitalise(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > 0 ? cut : max - 1)].TrimEnd(',', ';', ' ') + "…";
    }
}
