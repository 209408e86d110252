using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Narration;

/// <summary>The shots: subjects, camera, description and dialogue for each beat, and the segment's summary.</summary>
internal sealed partial class SegmentComposer
{
    // Grammar text is redrawn this often when it happens to use a forbidden word; the prompt's own words are kept.
    private const int RedrawLimit = 8;

    private int _turn;
    private List<BibleEntity> _keyActors = [];
    private string? _key;

    private Shot BuildShot(Beat beat, int duration)
    {
        var setting = new ShotSetting { Location = _location?.Id, Biome = _biome, Time = _time, Weather = _weather };
        var vista = beat is Beat.Establish or Beat.Close && _vistas.Count > 0 && rng.NextBool() ? PickOne(_vistas) : null;
        var bindings = SceneBindings(vista);
        return beat switch
        {
            Beat.Establish => Place(duration, setting, vista, vista is null ? "desc_establish" : "desc_establish_far", bindings,
                [CameraMove.PanLeft, CameraMove.PanRight, CameraMove.ZoomOut, CameraMove.DollyIn, CameraMove.Static]),
            Beat.Close => Place(duration, setting, vista, "desc_close", bindings,
                [CameraMove.ZoomOut, CameraMove.DollyOut, CameraMove.PanLeft, CameraMove.PanRight]),
            Beat.Intro => Intro(duration, setting, bindings),
            Beat.Key => _cast.Count == 0 ? PlaceKey(duration, setting, bindings) : Key(duration, setting, bindings),
            Beat.Exchange => Exchange(duration, setting, bindings),
            Beat.Reaction => Reaction(duration, setting, bindings),
            _ => Detail(duration, setting, bindings),
        };
    }

    private Shot Place(int duration, ShotSetting setting, Vista? vista, string symbol, Dictionary<string, string> bindings, CameraMove[] moves) => new()
    {
        DurationMs = duration,
        Camera = PickOne(moves),
        Setting = setting,
        Vista = vista,
        Subjects = _cast.Count > 0 && rng.NextInt(3) == 0 ? [Subject(_cast[0], Action(_cast[0], bindings), ScreenPosition.Distance, false)] : [],
        Description = Describe(symbol, bindings),
    };

    private Shot PlaceKey(int duration, ShotSetting setting, Dictionary<string, string> bindings) => new()
    {
        DurationMs = duration,
        Camera = PickOne([CameraMove.DollyIn, CameraMove.ZoomIn, CameraMove.PanRight]),
        Setting = setting,
        Description = Clip(Sentence($"{bindings["Place"]}: {request.Prompt.Trim().TrimEnd('.')}."), ShotPlanLimits.MaxDescriptionLength),
    };

    private Shot Intro(int duration, ShotSetting setting, Dictionary<string, string> bindings)
    {
        var positions = Positions(_cast.Count);
        var subjects = _cast.Select((c, i) => Subject(c, Action(c, bindings), positions[i], false)).ToList();
        return new Shot
        {
            DurationMs = duration,
            Camera = PickOne([CameraMove.Static, CameraMove.PanLeft, CameraMove.PanRight, CameraMove.DollyIn]),
            Setting = setting,
            Subjects = subjects,
            Description = Describe(_cast.Count == 1 ? "desc_intro_one" : "desc_intro", bindings),
        };
    }

    // The prompt's first deed whose actors are on screen, in its own words; without one, the lead does something
    // the mood suggests.
    private Shot Key(int duration, ShotSetting setting, Dictionary<string, string> bindings)
    {
        var deed = _reading.Deeds.FirstOrDefault(d => d.Actors.Any(a => _cast.Any(c => c.Id == a)));
        _keyActors = deed is null ? [_cast[0]] : [.. _cast.Where(c => deed.Actors.Contains(c.Id))];
        var lead = _keyActors[0];
        _key = deed?.Clause ?? Action(lead, bindings);
        var with = Bind(bindings, lead, Other(lead));
        with["key"] = _key;
        with["name"] = SceneWords.Names(_keyActors);
        with["Name"] = Phrases.Capitalise(with["name"]);
        var onlookers = _cast.Where(c => !_keyActors.Contains(c)).Take(Math.Max(0, 2 - _keyActors.Count)).ToList();
        var positions = Positions(_keyActors.Count + onlookers.Count);
        var subjects = _keyActors.Select((a, i) => Subject(a, Clip(_key, ShotPlanLimits.MaxActionLength), positions[i], i == 0)).ToList();
        foreach (var onlooker in onlookers)
        {
            subjects.Add(Subject(onlooker, Reacting(onlooker, bindings), positions[subjects.Count], false));
        }

        return new Shot
        {
            DurationMs = duration,
            Camera = PickOne([CameraMove.DollyIn, CameraMove.ZoomIn, CameraMove.Static, CameraMove.PanRight]),
            Setting = setting,
            Subjects = subjects,
            Description = Describe("desc_key", with),
        };
    }

    private Shot Exchange(int duration, ShotSetting setting, Dictionary<string, string> bindings)
    {
        var speaker = NextSpeaker();
        var listener = speaker is null ? null : Other(speaker);
        var subjects = new List<ShotSubject>();
        if (speaker is not null)
        {
            var positions = Positions(listener is null ? 1 : 2);
            subjects.Add(Subject(speaker, Talking(speaker, listener, bindings), positions[0], false));
            if (listener is not null)
            {
                subjects.Add(Subject(listener, Talking(listener, speaker, bindings), positions[1], false));
            }
        }

        var actor = speaker ?? _cast[0];
        return new Shot
        {
            DurationMs = duration,
            Camera = PickOne([CameraMove.Static, CameraMove.PanLeft, CameraMove.PanRight, CameraMove.ZoomIn]),
            Setting = setting,
            Subjects = subjects.Count > 0 ? subjects : [Subject(actor, Action(actor, bindings), ScreenPosition.Center, false)],
            Dialogue = speaker is null ? null : Line(speaker, listener, bindings),
            Description = Describe(speaker is null ? "desc_silent" : listener is null ? "desc_exchange_alone" : "desc_exchange", Bind(bindings, actor, listener)),
        };
    }

    private Shot Reaction(int duration, ShotSetting setting, Dictionary<string, string> bindings)
    {
        var who = _cast[(_turn + 1) % _cast.Count];
        var with = Bind(bindings, who, Other(who));
        with["react"] = Reacting(who, bindings);
        return new Shot
        {
            DurationMs = duration,
            Camera = PickOne([CameraMove.ZoomIn, CameraMove.Static, CameraMove.DollyIn]),
            Setting = setting,
            Subjects = [Subject(who, with["react"], ScreenPosition.Center, true)],
            Description = Describe(who.Kind == EntityKind.Creature ? "desc_reaction_beast" : "desc_reaction", with),
        };
    }

    private Shot Detail(int duration, ShotSetting setting, Dictionary<string, string> bindings)
    {
        var actor = _cast.Count > 0 ? _cast[0] : null;
        var with = actor is null ? new Dictionary<string, string>(bindings) : Bind(bindings, actor, Other(actor));
        var subjects = new List<ShotSubject>();
        if (_prop is not null)
        {
            with["item"] = SceneWords.PlaceName(_prop);
            subjects.Add(new ShotSubject { Entity = _prop.Id, Action = "rests in view", Position = ScreenPosition.Center });
        }
        else if (actor is not null && actor.Items.Count > 0)
        {
            with["item"] = $"{SceneWords.Possessive(actor)} {PickOne(actor.Items)}";
            subjects.Add(Subject(actor, "holds it close", ScreenPosition.Center, true));
        }
        else
        {
            with["item"] = bindings["landmark"];
        }

        with["Item"] = Phrases.Capitalise(with["item"]);
        if (actor is null)
        {
            with["name"] = with["Name"] = "A hand";
        }

        return new Shot
        {
            DurationMs = duration,
            Camera = PickOne([CameraMove.ZoomIn, CameraMove.Static]),
            Setting = setting,
            Subjects = subjects,
            Description = Describe(actor is null || _prop is not null ? "desc_detail_still" : "desc_detail", with),
        };
    }

    // Prompted speakers first, in cast order; then whoever may speak, in turn. A prompted speaker speaks even when
    // the bible forbids it (the validator says so); the narrator never volunteers a silent or dead speaker.
    private BibleEntity? NextSpeaker()
    {
        var prompted = _cast.Where(c => _reading.Speakers.Contains(c.Id)).ToList();
        if (_turn < prompted.Count)
        {
            return prompted[_turn++];
        }

        var free = _cast.Where(c => !state.RulesOf<SilentRule>().Any(r => r.EntityId == c.Id) && !state.IsDead(c.Id, request.Segment)).ToList();
        return free.Count == 0 ? null : free[_turn++ % free.Count];
    }

    private BibleEntity? Other(BibleEntity who) => _cast.FirstOrDefault(c => c.Id != who.Id);

    private DialogueLine Line(BibleEntity speaker, BibleEntity? listener, Dictionary<string, string> bindings)
    {
        if (speaker.Kind == EntityKind.Creature)
        {
            return new DialogueLine(speaker.Id, Say("sound", bindings));
        }

        var with = Bind(bindings, speaker, listener);
        var line = Say(listener is not null && rng.NextInt(5) < 3 ? $"line_{MoodName}_to" : $"line_{MoodName}", with);
        var opener = Say("open_" + SceneWords.Voice(speaker), with);
        var follow = Say("follow_" + MoodName, with);
        var tag = Say("tag_" + SceneWords.Group(speaker), with);
        return new DialogueLine(speaker.Id, Clip(Sentence($"{opener} {line} {follow} {tag}".Trim()), ShotPlanLimits.MaxDialogueLength));
    }

    private string Action(BibleEntity who, Dictionary<string, string> bindings)
    {
        var with = Bind(bindings, who, Other(who));
        var manner = Say("manner_" + SceneWords.Group(who), with);
        var act = Say(who.Kind == EntityKind.Creature ? "act_beast" : "act_" + MoodName, with);

        // "listens closely boldly" reads badly: one adverb is enough.
        if (act.EndsWith("ly", StringComparison.Ordinal) && manner.EndsWith("ly", StringComparison.Ordinal))
        {
            manner = "";
        }

        return Clip($"{act} {manner}".Trim(), ShotPlanLimits.MaxActionLength);
    }

    private string Reacting(BibleEntity who, Dictionary<string, string> bindings) =>
        Say(who.Kind == EntityKind.Creature ? "reacts_beast" : "reacts", Bind(bindings, who, Other(who)));

    private string Talking(BibleEntity who, BibleEntity? other, Dictionary<string, string> bindings) =>
        Say(who.Kind == EntityKind.Creature ? "act_beast" : "act_talk", Bind(bindings, who, other));

    private string MoodName => _mood.ToString().ToLowerInvariant();
}
