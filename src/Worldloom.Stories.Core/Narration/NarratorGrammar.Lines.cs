namespace Worldloom.Stories.Core.Narration;

/// <summary>Dialogue: a voice's opener, a mood's line (to someone or to the air), a temperament's tag.</summary>
public static partial class NarratorGrammar
{
    private static void AddLines(Dictionary<string, string[]> p)
    {
        p["line_calm"] =
        [
            "We can rest here a while.", "It is quiet. Too quiet, maybe.", "I like {place} at this hour.", "Let the night pass.",
            "Nothing stirs. Good.", "Sit. There is time yet.", "{Place} has seen worse days than this.", "Breathe. We made it this far.",
        ];
        p["line_calm_to"] =
        [
            "Sit with me, {other}.", "You should sleep, {other}. I will watch.", "{Other}, do you ever miss home?",
            "Tell me something good, {other}.", "Easy, {other}. We are safe for now.",
        ];
        p["line_talk"] =
        [
            "We need to talk about what happened.", "I have been thinking about {place}.", "There is something you should know.",
            "Say it plainly, then.", "Where do we go from here?", "I did not come all this way for nothing.",
            "Listen to me. Just this once.", "You heard the same thing I did.",
        ];
        p["line_talk_to"] =
        [
            "{Other}, I need your help.", "What do you make of this, {other}?", "You owe me the truth, {other}.",
            "{Other}. We should not be here.", "Did you know, {other}? Did you know all along?", "Walk with me, {other}.",
        ];
        p["line_conflict"] =
        [
            "Not one step further.", "You will have to go through me.", "I warned you.", "So it comes to this.", "Stand and face me!",
            "I am done running.", "This ends here.",
        ];
        p["line_conflict_to"] =
        [
            "Get behind me, {other}!", "{Other}, you betrayed us.", "Stay out of this, {other}.", "Back off, {other}. I mean it.",
            "{Other}! Watch the left!",
        ];
        p["line_chase"] =
        [
            "Run! Do not look back!", "They are gaining on us!", "This way, quickly!", "Faster!", "Keep low and keep moving.",
            "Through {place}, it is the only way.",
        ];
        p["line_chase_to"] = ["{Other}, take my hand!", "Go, {other}! I will hold them!", "Keep up, {other}!", "{Other}, over here!"];
        p["line_discovery"] =
        [
            "Look at this.", "Someone was here before us.", "These marks are old. Very old.", "I knew it. I knew it was real.",
            "What is this doing in {place}?", "There is more beneath.", "It was here the whole time.",
        ];
        p["line_discovery_to"] =
        [
            "{Other}, come and see this.", "Are you seeing this, {other}?", "{Other}, this changes everything.",
            "Hold the light closer, {other}.",
        ];
        p["line_grief"] =
        [
            "I should have been there.", "It was not supposed to end like this.", "Rest now.", "I will remember.",
            "{Place} will never be the same.", "Say nothing. Please.",
        ];
        p["line_grief_to"] = ["I am sorry, {other}. So sorry.", "{Other}, you did all you could.", "Stay with me, {other}."];
        p["line_joy"] =
        [
            "We did it!", "Tonight we celebrate!", "I never thought I would see this day.", "Drink, sing, be glad!",
            "{Place} has not seen a night like this in years.", "Ha! Did you see their faces?",
        ];
        p["line_joy_to"] = ["{Other}, dance with me!", "To you, {other}!", "You were brilliant, {other}.", "{Other}, we are home."];
        p["line_mystery"] =
        [
            "Did you hear that?", "Something is watching us.", "That light was not there before.", "This place remembers.",
            "Do not touch anything.", "The stories were true, then.",
        ];
        p["line_mystery_to"] = ["{Other}, stay close.", "{Other}... do you see it too?", "Quiet, {other}. Listen."];
        p["follow_calm"] = ["", "", "The fire will keep.", "Tomorrow is soon enough.", "Listen to the #sky_word#.", "Even {landmark} looks tired.", "No one is coming tonight."];
        p["follow_talk"] = ["", "", "Start from the beginning.", "I will not ask twice.", "It is about {place}.", "Nobody else can hear us here.", "Tell me what you saw."];
        p["follow_conflict"] = ["", "", "Choose.", "Last warning.", "You should have stayed away from {place}.", "I have waited long for this.", "Come on, then!"];
        p["follow_chase"] = ["", "", "Past {landmark}!", "Do not stop!", "We lose them at {landmark}.", "Keep your head down!", "Almost there!"];
        p["follow_discovery"] = ["", "", "Look how it is carved.", "Who would hide this here?", "It goes deeper than {landmark}.", "We are not the first.", "Mark the spot."];
        p["follow_grief"] = ["", "", "I keep seeing it.", "It should have been me.", "Let the #sky_word# carry it.", "We will carry on. Somehow."];
        p["follow_joy"] = ["", "", "Another round!", "Sing it again!", "Even {landmark} is smiling.", "Nobody sleeps tonight!"];
        p["follow_mystery"] = ["", "", "It came from {landmark}.", "There. It moved.", "The old songs warned of this.", "Nobody speak."];
        p["open_bright"] = ["", "", "Oh!", "Well then!", "Ha!"];
        p["open_formal"] = ["", "", "If I may.", "Forgive me.", "With respect."];
        p["open_gruff"] = ["", "", "Hmph.", "Listen.", "Bah."];
        p["open_hoarse"] = ["", "", "*cough*", "Ugh.", "Listen..."];
        p["open_low"] = ["", "", "Quietly now.", "Hush.", "Mm."];
        p["open_measured"] = ["", "", "Consider this.", "Hear me out.", "Let us be clear."];
        p["open_quick"] = ["", "", "Right, right.", "Quick!", "Look."];
        p["open_sharp"] = ["", "", "Enough.", "Stop.", "No."];
        p["open_soft"] = ["", "", "Please.", "Gently now.", "Shh."];
        p["open_warm"] = ["", "", "Friend.", "Come now.", "There, there."];
        p["tag_bold"] = ["", "", "", "I fear nothing.", "Follow me.", "Leave it to me."];
        p["tag_gentle"] = ["", "", "", "We will be all right.", "I am here.", "Be kind."];
        p["tag_wary"] = ["", "", "", "I do not like this.", "Careful.", "Something is wrong."];
        p["tag_sly"] = ["", "", "", "Trust me.", "Or so they say.", "We all want something."];
        p["tag_thoughtful"] = ["", "", "", "Think about it.", "Interesting.", "There is a reason for all of this."];
        p["sound"] = ["*a low growl*", "*a sharp cry*", "*a rumbling snarl*", "*a long, echoing howl*", "*hissing*", "*a warning bark*"];
    }
}
