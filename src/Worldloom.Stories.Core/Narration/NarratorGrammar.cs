namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// The productions of the offline narrator: segment structures, shot descriptions, actions, and dialogue by mood,
/// temperament and voice (NarratorGrammar.Actions.cs and NarratorGrammar.Lines.cs). Bindings the narrator sets:
/// {name} {pos} {obj} (the actor and their possessive and object pronouns), {other}, {place}, {landmark}, {time},
/// {weather}, {item}, {key} (the prompt's own clause), {far} and {dir} (a place on the horizon), {sky} (the weather), {names} (the cast), capitalised forms ({Name},
/// {Place}, ...) where a sentence starts with them, and {react} (what a face in close-up does).
/// </summary>
public static partial class NarratorGrammar
{
    private static readonly Lazy<Dictionary<string, string[]>> Productions = new(() =>
    {
        var productions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AddShots(productions);
        AddActions(productions);
        AddLines(productions);
        return productions;
    });

    private static readonly Lazy<Grammar> Built = new(() => new Grammar(Productions.Value));

    /// <summary>The grammar.</summary>
    public static Grammar Instance => Built.Value;

    /// <summary>Every symbol the grammar defines, sorted (for tests that expand each one).</summary>
    public static IReadOnlyList<string> Symbols => [.. Productions.Value.Keys.Order(StringComparer.Ordinal)];

    private static void AddShots(Dictionary<string, string[]> p)
    {
        // Beat sequences; each holds one "key" (the prompt's own action). Several shapes so no two segments need match.
        p["structure"] =
        [
            "establish intro key exchange close", "establish key reaction exchange", "intro key exchange reaction close",
            "establish exchange key close", "key exchange reaction", "establish intro exchange key reaction close",
            "intro exchange key", "establish key detail exchange close", "establish intro key reaction",
            "key reaction exchange close", "establish detail key exchange", "intro key exchange exchange close",
            "establish key exchange reaction exchange", "detail intro key exchange", "establish intro key close",
            "intro key reaction exchange close", "establish exchange exchange key reaction", "key detail reaction close",
        ];
        p["desc_establish"] =
        [
            "Wide shot: {place} {time}, {sky}.", "{Place} lies #stillness# {time}; {sky}.", "The camera drifts across {place}, {sky}.",
            "A long view of {place}: {landmark}.", "{Landmark} stands against the sky {time}.", "#opening_sound# over {place} {time}.",
            "From high above, {place} {time}, {sky}.", "{Place}, {time}. {Sky}.", "Slowly the view opens on {place}, {sky}.",
            "{Place} {time}: {landmark} and little else.", "The first light of the scene finds {landmark}.",
        ];
        p["desc_establish_far"] =
        [
            "Wide shot of {place}; far to the {dir}, {far} #far_shape#.", "{Place} {time}, and on the {dir} horizon {far}.",
            "Beyond {place}, to the {dir}, {far} #far_shape#.",
        ];
        p["desc_intro"] =
        [
            "{Names} #gather# {landmark_at}.", "{Names} #gather#, {sky}.", "We find {names} {landmark_at}, {time}.",
            "{Names}, {landmark_at}: #small_moment#.", "In {place}, {names} #gather#.",
        ];
        p["desc_intro_one"] =
        [
            "{Names} #gather_one# {landmark_at}.", "{Names} #gather_one#, {sky}.", "We find {names} {landmark_at}, {time}.",
            "{Names}, alone {landmark_at}: #small_moment#.", "In {place}, {names} #gather_one#.", "{Names} comes into view {landmark_at}.",
        ];
        p["desc_reaction_beast"] = ["Close on {name}: #face_beast#.", "{Name}, #face_beast#.", "Close-up: {name} {react}."];
        p["face_beast"] = ["teeth bared", "eyes glinting", "ears flat", "hackles up", "utterly still", "breath steaming"];
        p["gather_one"] = ["waits", "looks about", "pauses", "walks on", "stands alone", "lingers"];
        p["desc_key"] =
        [
            "{Name} {key}.", "{Name} {key}, #key_tail#.", "#key_lead#, {name} {key}.", "All at once {name} {key}.",
            "{Name} {key} while {place} #place_reacts#.",
        ];
        p["desc_exchange"] =
        [
            "{Name} turns to {other}.", "{Name} speaks, #speech_manner#.", "{Name} and {other} face each other.",
            "{Name} leans closer to {other}.", "{Name} breaks the silence.", "Over {other}'s shoulder, {name} speaks.",
            "{Name} catches {other}'s eye.", "{Name} speaks to {other} {landmark_at}.", "Two-shot: {name} and {other}, {sky}.",
        ];
        p["desc_exchange_alone"] = ["{Name} speaks to no one in particular.", "{Name} murmurs, #speech_manner#.", "{Name} speaks into the #sky_word#."];
        p["desc_silent"] = ["{Name} says nothing.", "{Name} keeps silent {landmark_at}.", "Only the #sky_word# answers {name}.", "{Name} looks on without a word."];
        p["desc_reaction"] =
        [
            "Close on {name}: #face#.", "{Name}'s face, #face#.", "Close-up: {name} {react}.", "{Name} {react}; #face#.",
            "Close on {name}, who {react}.",
        ];
        p["desc_detail"] =
        [
            "Close on {item}, #detail_look#.", "{Name}'s hand closes around {item}.", "The light catches {item}.",
            "Detail: {item}, #detail_look#.",
        ];
        p["desc_detail_still"] = ["Close on {item}, #detail_look#.", "The light catches {item}.", "{Item}, #detail_look#.", "Detail: {item}."];
        p["desc_close"] =
        [
            "The camera pulls back from {place}, {sky}.", "{Place} falls quiet {time}.", "We rise above {names} and {place}.",
            "{Landmark} again, as #closing_beat#.", "Slowly, {place} fades into #fade#.", "The view widens until {names} are small.",
            "Last look at {landmark}, {sky}.", "{Place} {time}, and #closing_beat#.",
        ];
        p["stillness"] = ["still", "quiet", "hushed", "wide and empty", "waiting"];
        p["opening_sound"] = ["A bell tolls", "Wind moves", "Birdsong rises", "A distant horn sounds", "Silence hangs"];
        p["far_shape"] = ["rises", "stands dark", "catches the light", "waits", "is only a shape"];
        p["gather"] = ["gather", "stand together", "wait", "walk side by side", "pause", "look about", "keep close"];
        p["small_moment"] = ["a moment of quiet", "breath misting", "a shared glance", "boots on stone", "a long pause"];
        p["key_lead"] = ["Without warning", "At last", "Heart pounding", "Slowly", "Suddenly", "Against all advice"];
        p["key_tail"] = ["and everything changes", "watched closely", "not looking back", "as the moment stretches", "breath held"];
        p["place_reacts"] = ["holds its breath", "seems to listen", "goes silent", "echoes", "looms"];
        p["speech_manner"] = ["barely above a whisper", "carefully", "without looking away", "firmly", "half to themselves"];
        p["sky_word"] = ["wind", "dark", "silence", "cold air", "night air", "stillness"];
        p["face"] = ["unreadable", "troubled", "set and certain", "softening", "pale", "lit with hope", "hard as stone"];
        p["detail_look"] = ["worn smooth", "glinting", "half in shadow", "scratched and old", "held tight"];
        p["closing_beat"] = ["the light changes", "the moment passes", "the wind returns", "the scene settles"];
        p["fade"] = ["shadow", "mist", "the evening", "quiet", "the dark"];
    }
}
