using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Continuity;

/// <summary>
/// Checks a shot plan against the bible as of the plan's segment. It corrects what has exactly one right answer (a
/// garment's colour, an attribute the bible fixes, a setting's biome, the direction of a vista, a garment or item a
/// rule demands but the shot's outfit leaves out) and reports what has none (a dead character on screen or speaking,
/// a forbidden term, two kept-apart entities together, an unknown entity). Pure: same inputs, same report.
/// </summary>
public static partial class ContinuityValidator
{
    /// <summary>The rule name of checks that come from the entities themselves.</summary>
    public const string BibleRule = "bible";

    /// <summary>The rule name of a plan bound (<see cref="ShotPlanLimits"/>).</summary>
    public const string PlanRule = "plan";

    /// <summary>Validates <paramref name="plan"/> against <paramref name="bible"/> as of the plan's segment.</summary>
    public static ContinuityReport Validate(SceneBible bible, ShotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(bible);
        ArgumentNullException.ThrowIfNull(plan);
        return Validate(bible.AsOf(plan.Segment), plan);
    }

    /// <summary>Validates <paramref name="plan"/> against <paramref name="state"/> (which should be the state of the plan's segment).</summary>
    public static ContinuityReport Validate(BibleState state, ShotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var check = new Check(state, plan.Segment);
        var limits = ShotPlanLimits.Check(plan);
        if (limits.Count > 0)
        {
            // A plan out of bounds is not worth checking further: its paths may not even exist.
            foreach (var error in limits)
            {
                check.Violate(PlanRule, "the bounds of a shot plan", ShotOf(error.Field), error.Field, error.Message);
            }

            return check.Report(plan);
        }

        var shots = new List<Shot>(plan.Shots.Count);
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            shots.Add(check.Shot(plan.Shots[i], i));
        }

        check.Terms(null, "summary", plan.Summary);
        return check.Report(plan with { Shots = shots });
    }

    private static int? ShotOf(string path) =>
        path.StartsWith("shots[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is var close and > 6
            && int.TryParse(path.AsSpan(6, close - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shot)
            ? shot
            : null;

    /// <summary>One validation run: the state, the findings so far, and the per-shot checks (partial files by concern).</summary>
    private sealed partial class Check(BibleState state, int segment)
    {
        private readonly List<Correction> _corrections = [];
        private readonly List<Violation> _violations = [];
        private readonly IReadOnlyList<ForbiddenTermsRule> _forbidden = state.RulesOf<ForbiddenTermsRule>();

        public ContinuityReport Report(ShotPlan plan) => new()
        {
            Segment = plan.Segment,
            BibleVersion = state.Version,
            Plan = plan,
            Corrections = _corrections,
            Violations = _violations,
        };

        public void Violate(string rule, string ruleText, int? shot, string path, string message) =>
            _violations.Add(new Violation(rule, ruleText, shot, path, message));

        public void Violate(StoryRule rule, int? shot, string path, string message) =>
            Violate(rule.Id, rule.Text, shot, path, message);

        public void Correct(string rule, string ruleText, int? shot, string path, string from, string to, string message) =>
            _corrections.Add(new Correction(rule, ruleText, shot, path, from, to, message));

        public Shot Shot(Shot shot, int index)
        {
            var path = $"shots[{index}]";
            var setting = Setting(shot.Setting, index, path);
            var subjects = new List<ShotSubject>(shot.Subjects.Count);
            for (var j = 0; j < shot.Subjects.Count; j++)
            {
                subjects.Add(Subject(shot.Subjects[j], index, $"{path}.subjects[{j}]"));
            }

            Apart(shot, index, path);
            Dialogue(shot.Dialogue, index, path);
            var vista = Vista(shot.Vista, setting, index, path);
            Terms(index, $"{path}.description", shot.Description);
            return shot with { Setting = setting, Subjects = subjects, Vista = vista };
        }

        /// <summary>Records a violation for each forbidden phrase in <paramref name="text"/>.</summary>
        public void Terms(int? shot, string path, string text)
        {
            if (_forbidden.Count == 0)
            {
                return;
            }

            var words = Text.Words.Split(text);
            foreach (var rule in _forbidden)
            {
                foreach (var phrase in rule.Phrases)
                {
                    var at = Text.Words.Find(words, [.. Text.Words.Split(phrase).Select(w => w.Word)]);
                    if (at >= 0)
                    {
                        Violate(rule, shot, path, $"\"{text}\" mentions \"{phrase}\", which \"{rule.Text}\" forbids.");
                        break;
                    }
                }
            }
        }

        private ShotSetting Setting(ShotSetting setting, int index, string path)
        {
            if (setting.Location is not { } id)
            {
                return setting;
            }

            if (state.Entity(id) is not { } location)
            {
                Violate(BibleRule, "the bible's entities", index, $"{path}.setting.location", $"the bible has no location {id}.");
                return setting;
            }

            if (location.Attribute("biome") is { } name && BiomeNames.TryParse(name, out var biome) && setting.Biome is { } shown && shown != biome)
            {
                Correct(BibleRule, $"{id} biome is {name}", index, $"{path}.setting.biome", BiomeNames.ToName(shown), name,
                    $"{location.Name} is {name}, so the shot's biome follows it.");
                return setting with { Biome = biome };
            }

            return setting;
        }
    }
}
