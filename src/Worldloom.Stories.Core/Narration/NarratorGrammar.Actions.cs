namespace Worldloom.Stories.Core.Narration;

/// <summary>Actions by mood, manners by temperament, skies by weather.</summary>
public static partial class NarratorGrammar
{
    private static void AddActions(Dictionary<string, string[]> p)
    {
        p["act_calm"] =
        [
            "rests against {landmark}", "watches the horizon", "sits and mends {pos} gear", "warms {pos} hands", "hums under {pos} breath",
            "leans on {landmark}", "counts the hours in silence", "looks out over {place}", "closes {pos} eyes for a moment",
        ];
        p["act_talk"] =
        [
            "steps forward to speak", "raises a hand in greeting", "listens closely", "nods slowly", "gestures toward {landmark}",
            "keeps {pos} voice low", "answers with a shrug", "draws nearer",
        ];
        p["act_conflict"] =
        [
            "squares up", "plants {pos} feet", "circles warily", "steps between the others", "raises {pos} guard", "stands {pos} ground",
            "lunges forward", "blocks the path",
        ];
        p["act_chase"] =
        [
            "breaks into a run", "darts past {landmark}", "glances back over {pos} shoulder", "vaults a low wall", "scrambles uphill",
            "ducks out of sight", "races ahead",
        ];
        p["act_discovery"] =
        [
            "kneels to look closer", "brushes dust from an old mark", "follows a trail of prints", "pries something loose",
            "searches along {landmark}", "holds a find up to the light", "traces a carving with one finger",
        ];
        p["act_grief"] =
        [
            "bows {pos} head", "stands apart from the others", "lays a hand on cold stone", "stares at nothing", "wipes {pos} eyes",
            "kneels in silence",
        ];
        p["act_joy"] =
        [
            "laughs aloud", "spins in a quick dance", "raises a cup", "claps a friend on the shoulder", "grins widely",
            "sings a verse",
        ];
        p["act_mystery"] =
        [
            "freezes, listening", "peers into the shadows", "follows a faint light", "touches a strange mark", "turns slowly",
            "holds {pos} breath",
        ];
        p["act_beast"] =
        [
            "prowls", "sniffs the air", "circles slowly", "pads closer", "lifts its head", "paws at the ground", "watches from the shadows",
            "lopes ahead", "crouches low", "shakes out its coat", "stalks past {landmark}", "freezes mid-step",
        ];
        p["reacts_beast"] = ["bares its teeth", "growls low", "flattens its ears", "goes still", "snaps at the air", "backs away"];
        p["manner_bold"] = ["", "", "without hesitation", "boldly", "with a fierce look", "chin raised"];
        p["manner_gentle"] = ["", "", "gently", "with a small smile", "kindly", "patiently"];
        p["manner_wary"] = ["", "", "warily", "with a nervous glance", "slowly", "keeping to the edges"];
        p["manner_sly"] = ["", "", "with a sly look", "too casually", "watching the others", "half smiling"];
        p["manner_thoughtful"] = ["", "", "thoughtfully", "frowning in thought", "with care", "deliberately"];
        p["manner_beast"] = ["", "", "hackles raised", "nose to the wind", "low to the ground", "ears pricked"];
        p["reacts"] =
        [
            "looks away", "narrows {pos} eyes", "lets out a breath", "swallows hard", "says nothing", "almost smiles", "shakes {pos} head",
        ];
        p["sky_clear"] = ["under a clear sky", "the air still", "light falling clean", "not a cloud in sight"];
        p["sky_rain"] = ["rain drumming down", "in a steady rain", "rain streaking the air", "puddles spreading"];
        p["sky_fog"] = ["fog curling close", "wrapped in mist", "the air thick and grey", "mist hiding the distance"];
        p["sky_snow"] = ["snow falling softly", "in drifting snow", "snowflakes on the wind", "under a white sky"];
        p["sky_wind"] = ["the wind tearing past", "leaves whipping by", "in a gusting wind", "cloaks snapping in the wind"];
    }
}
