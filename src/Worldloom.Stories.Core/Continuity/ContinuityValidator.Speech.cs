using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Continuity;

/// <summary>The checks of what is said in a shot and what is seen on its horizon.</summary>
public static partial class ContinuityValidator
{
    private sealed partial class Check
    {
        private void Dialogue(DialogueLine? line, int index, string path)
        {
            if (line is null)
            {
                return;
            }

            var at = $"{path}.dialogue.speaker";
            if (state.Entity(line.Speaker) is not { } speaker)
            {
                Violate(BibleRule, "the bible's entities", index, at, $"the bible has no entity {line.Speaker}.");
            }
            else
            {
                // A dead speaker cannot be repaired: dropping or reassigning the line changes the story.
                foreach (var death in state.RulesOf<DeathRule>().Where(r => r.EntityId == speaker.Id && r.IsDeadIn(segment)))
                {
                    Violate(death, index, at, $"{speaker.Name} is dead in segment {segment} and cannot speak in shot {index + 1}.");
                }

                foreach (var silent in state.RulesOf<SilentRule>().Where(r => r.EntityId == speaker.Id))
                {
                    Violate(silent, index, at, $"{speaker.Name} never speaks, but shot {index + 1} gives them a line.");
                }
            }

            Terms(index, $"{path}.dialogue.text", line.Text);
        }

        private Vista? Vista(Vista? vista, ShotSetting setting, int index, string path)
        {
            if (vista is null)
            {
                return null;
            }

            var at = $"{path}.vista";
            if (state.Entity(vista.Location) is null)
            {
                Violate(BibleRule, "the bible's entities", index, $"{at}.location", $"the bible has no location {vista.Location}.");
                return vista;
            }

            if (setting.Location is not { } here)
            {
                return vista;
            }

            if (here == vista.Location)
            {
                Violate(BibleRule, "a place cannot be on its own horizon", index, $"{at}.location", $"shot {index + 1} is set in {here} and shows it on the horizon too.");
                return vista;
            }

            foreach (var rule in state.RulesOf<DirectionRule>())
            {
                Compass? expected = rule.EntityId == vista.Location && rule.OtherId == here ? rule.Direction
                    : rule.EntityId == here && rule.OtherId == vista.Location ? CompassNames.Opposite(rule.Direction)
                    : null;
                if (expected is { } direction && direction != vista.Direction)
                {
                    Correct(rule.Id, rule.Text, index, $"{at}.direction", CompassNames.Names.ToName(vista.Direction), CompassNames.Names.ToName(direction),
                        $"seen from {here}, {vista.Location} lies {CompassNames.Names.ToName(direction)}.");
                    return vista with { Direction = direction };
                }
            }

            return vista;
        }
    }
}
