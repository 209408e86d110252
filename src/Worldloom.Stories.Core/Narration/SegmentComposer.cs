using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// One narration: decides the setting, light, weather, mood and cast (this file), then builds a shot per beat
/// (SegmentComposer.Shots.cs). Every free choice draws from the seeded stream, in a fixed order.
/// </summary>
internal sealed partial class SegmentComposer(BibleState state, NarrationRequest request, ChaChaRng rng)
{
    private const int MaxCast = 3;

    // The narrator's shortest shot, longer than the plan's limit: the renderer crossfades between shots, and a shot
    // much shorter than this would be mostly fade.
    private const int ShortestShotMs = 1500;

    private static readonly Biome[] LandBiomes =
    [
        Biome.Grassland, Biome.TemperateForest, Biome.Taiga, Biome.Desert, Biome.Wetland, Biome.Alpine, Biome.Beach, Biome.Savanna,
        Biome.Tundra, Biome.Shrubland, Biome.TropicalRainforest,
    ];

    private readonly Grammar _grammar = NarratorGrammar.Instance;
    private readonly IReadOnlyList<ForbiddenTermsRule> _forbidden = state.RulesOf<ForbiddenTermsRule>();
    private readonly List<BibleEntity> _cast = [];
    private readonly List<Vista> _vistas = [];
    private PromptReading _reading = null!;
    private BibleEntity? _location;
    private BibleEntity? _prop;
    private Biome _biome;
    private TimeOfDay _time;
    private Weather _weather;
    private Mood _mood;

    public ShotPlan Compose()
    {
        _reading = PromptReader.Read(request.Prompt, state);
        var previous = PromptReader.Read(request.PreviousSummary, state);
        ChooseSetting(previous);
        _time = _reading.Time ?? Pick((TimeOfDay.Dawn, 2), (TimeOfDay.Day, 4), (TimeOfDay.Dusk, 3), (TimeOfDay.Night, 2));
        var cold = _biome is Biome.Snow or Biome.Tundra or Biome.Taiga or Biome.Alpine or Biome.SeaIce;
        _weather = _reading.Weather ?? Pick((Weather.Clear, 6), (Weather.Rain, 2), (Weather.Fog, 2), (Weather.Wind, 2), (Weather.Snow, cold ? 3 : 0));
        _mood = _reading.Mood ?? Pick((Mood.Calm, 2), (Mood.Talk, 3), (Mood.Discovery, 2), (Mood.Mystery, 2), (Mood.Conflict, 1), (Mood.Chase, 1), (Mood.Joy, 1));
        ChooseCast(previous);
        _prop = _reading.Mentioned.FirstOrDefault(e => e.Kind == EntityKind.Prop);
        if (_location is not null)
        {
            foreach (var rule in state.RulesOf<DirectionRule>())
            {
                if (rule.OtherId == _location.Id && state.Entity(rule.EntityId) is not null)
                {
                    _vistas.Add(new Vista(rule.EntityId, rule.Direction));
                }
                else if (rule.EntityId == _location.Id && state.Entity(rule.OtherId) is not null)
                {
                    _vistas.Add(new Vista(rule.OtherId, CompassNames.Opposite(rule.Direction)));
                }
            }
        }

        var beats = Fit(Beats());
        var durations = Durations(beats);
        var shots = new List<Shot>(beats.Count);
        for (var i = 0; i < beats.Count; i++)
        {
            shots.Add(BuildShot(beats[i], durations[i]));
        }

        return new ShotPlan { Segment = request.Segment, Shots = shots, Summary = Summary(shots) };
    }

    private void ChooseSetting(PromptReading previous)
    {
        var locations = state.OfKind(EntityKind.Location);
        _location = _reading.Locations.FirstOrDefault()
            ?? (_reading.Biome is null ? previous.Locations.LastOrDefault() : null)
            ?? (_reading.Biome is null && locations.Count > 0 ? locations[rng.NextInt(locations.Count)] : null);
        _biome = _location?.Attribute("biome") is { } name && BiomeNames.TryParse(name, out var biome)
            ? biome
            : _reading.Biome ?? previous.Biome ?? LandBiomes[rng.NextInt(LandBiomes.Length)];
    }

    // The prompt's characters always play, even against the bible (that is for the validator to judge). Without any,
    // the cast continues from the summary, then comes from the bible, skipping the dead and kept-apart pairs.
    private void ChooseCast(PromptReading previous)
    {
        foreach (var entity in _reading.Mentioned.Where(Living).Take(MaxCast))
        {
            _cast.Add(entity);
        }

        if (_cast.Count > 0)
        {
            return;
        }

        var wanted = Pick((1, 2), (2, 3), (3, 1));
        var candidates = previous.Mentioned.Where(Living).ToList();
        var others = state.Entities.Where(e => e.Kind == EntityKind.Character && !candidates.Contains(e)).ToList();
        Shuffle(others);
        candidates.AddRange(others);
        foreach (var entity in candidates)
        {
            if (_cast.Count >= wanted)
            {
                break;
            }

            if (!state.IsDead(entity.Id, request.Segment) && !_cast.Any(c => KeptApart(c.Id, entity.Id)))
            {
                _cast.Add(entity);
            }
        }
    }

    private bool KeptApart(string a, string b) =>
        state.RulesOf<ApartRule>().Any(r => (r.EntityId == a && r.OtherId == b) || (r.EntityId == b && r.OtherId == a));

    private static bool Living(BibleEntity entity) => entity.Kind is EntityKind.Character or EntityKind.Creature;

    private List<Beat> Beats()
    {
        var structure = _grammar.Expand("structure", new Dictionary<string, string>(), rng);
        var beats = structure.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseBeat).ToList();
        if (_cast.Count == 0)
        {
            // No one to act: the prompt becomes the place's own shot between views of it.
            beats = [.. beats.Where(b => b is Beat.Establish or Beat.Detail or Beat.Close or Beat.Key).Distinct()];
            return beats.Contains(Beat.Key) ? beats : [Beat.Establish, Beat.Key, Beat.Close];
        }

        if (_prop is not null && !beats.Contains(Beat.Detail) && beats.Count < ShotPlanLimits.MaxShots)
        {
            // A prop the prompt names is shown.
            beats.Insert(beats.IndexOf(Beat.Key) + 1, Beat.Detail);
        }

        var speaking = _cast.Count(c => _reading.Speakers.Contains(c.Id));
        while (beats.Count(b => b == Beat.Exchange) < speaking && beats.Count < ShotPlanLimits.MaxShots)
        {
            beats.Insert(beats.IndexOf(Beat.Key) + 1, Beat.Exchange);
        }

        return beats;
    }

    private static Beat ParseBeat(string name) => name switch
    {
        "establish" => Beat.Establish,
        "intro" => Beat.Intro,
        "key" => Beat.Key,
        "exchange" => Beat.Exchange,
        "reaction" => Beat.Reaction,
        "detail" => Beat.Detail,
        "close" => Beat.Close,
        _ => throw new InvalidOperationException($"The structure grammar names an unknown beat \"{name}\"."),
    };

    // The order beats give way in when the target is too short for all of them: the prompt's deed stays longest.
    private static readonly Beat[] Precedence = [Beat.Key, Beat.Establish, Beat.Exchange, Beat.Close, Beat.Detail, Beat.Intro, Beat.Reaction];

    // Every shot lasts at least ShortestShotMs, so a short target holds only so many beats; the rest give
    // way by precedence, keeping the order of those that stay.
    private List<Beat> Fit(List<Beat> beats)
    {
        var room = request.TargetDurationMs / ShortestShotMs;
        if (beats.Count <= room)
        {
            return beats;
        }

        var kept = beats.Select((beat, index) => (beat, index))
            .OrderBy(b => Array.IndexOf(Precedence, b.beat)).ThenBy(b => b.index)
            .Take(room).OrderBy(b => b.index);
        return [.. kept.Select(b => b.beat)];
    }

    // Each beat gets the shortest shot and a share of the rest of the target by weight; the share is jittered by up to
    // ±12.5% and the shot rounded down to 100 ms and bounded. The floor comes out of the target rather than on top of
    // it, so a segment never runs longer than the target and its jitter.
    private List<int> Durations(List<Beat> beats)
    {
        var weights = beats.Select(b => b switch
        {
            Beat.Key => 5,
            Beat.Establish or Beat.Close or Beat.Exchange => 4,
            _ => 3,
        }).ToList();
        var total = weights.Sum();
        var rest = request.TargetDurationMs - (long)ShortestShotMs * beats.Count;
        var durations = new List<int>(beats.Count);
        foreach (var weight in weights)
        {
            var share = rest * weight / total;
            share += share * (rng.NextInt(33) - 16) / 128;
            durations.Add((int)Math.Clamp((ShortestShotMs + share) / 100 * 100, ShortestShotMs, 8000));
        }

        return durations;
    }

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var roll = rng.NextInt(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the weight sum.");
    }

    private T PickOne<T>(IReadOnlyList<T> items) => items[rng.NextInt(items.Count)];

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
