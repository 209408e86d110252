using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Core.Shots;

/// <summary>
/// The bounds of a shot plan, checked before anything else looks at it: counts, durations, text lengths, well-formed
/// ids and colours. Paths are the plan's JSON paths (<c>shots[2].dialogue.text</c>). Whether the ids exist and the
/// plan keeps continuity is the validator's job.
/// </summary>
public static class ShotPlanLimits
{
    /// <summary>Most shots in a segment.</summary>
    public const int MaxShots = 12;

    /// <summary>Shortest shot.</summary>
    public const int MinShotMs = 1000;

    /// <summary>Longest shot.</summary>
    public const int MaxShotMs = 10000;

    /// <summary>Longest segment.</summary>
    public const int MaxSegmentMs = 60000;

    /// <summary>Most subjects in one shot.</summary>
    public const int MaxSubjects = 4;

    /// <summary>Longest subject action.</summary>
    public const int MaxActionLength = 120;

    /// <summary>Longest dialogue line.</summary>
    public const int MaxDialogueLength = 200;

    /// <summary>Longest shot description.</summary>
    public const int MaxDescriptionLength = 240;

    /// <summary>Longest segment summary.</summary>
    public const int MaxSummaryLength = 400;

    /// <summary>Most garments or held items listed for one subject.</summary>
    public const int MaxOutfitItems = 6;

    /// <summary>Highest segment number.</summary>
    public const int MaxSegment = 9999;

    /// <summary>Every bound <paramref name="plan"/> breaks; empty when none.</summary>
    public static IReadOnlyList<ParameterError> Check(ShotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<ParameterError>();
        if (plan.Segment is < 1 or > MaxSegment)
        {
            errors.Add(new("segment", $"must be between 1 and {MaxSegment}; got {plan.Segment}."));
        }

        Text(errors, "summary", plan.Summary, MaxSummaryLength);
        if (plan.Shots.Count is 0 or > MaxShots)
        {
            errors.Add(new("shots", $"a segment has 1 to {MaxShots} shots; got {plan.Shots.Count}."));
        }

        for (var i = 0; i < plan.Shots.Count; i++)
        {
            CheckShot(errors, $"shots[{i}]", plan.Shots[i]);
        }

        if (plan.Shots.Sum(s => (long)s.DurationMs) > MaxSegmentMs)
        {
            errors.Add(new("shots", $"the shots last {plan.Shots.Sum(s => (long)s.DurationMs)} ms; a segment lasts at most {MaxSegmentMs} ms."));
        }

        return errors;
    }

    private static void CheckShot(List<ParameterError> errors, string path, Shot shot)
    {
        if (shot.DurationMs is < MinShotMs or > MaxShotMs)
        {
            errors.Add(new($"{path}.durationMs", $"must be between {MinShotMs} and {MaxShotMs}; got {shot.DurationMs}."));
        }

        Text(errors, $"{path}.description", shot.Description, MaxDescriptionLength);
        if (shot.Setting.Location is { } location && EntityIds.KindOf(location) != EntityKind.Location)
        {
            errors.Add(new($"{path}.setting.location", $"\"{location}\" is no location id (loc_...)."));
        }

        if (shot.Setting.Location is null && shot.Setting.Biome is null)
        {
            errors.Add(new($"{path}.setting", "needs a location, a biome or both."));
        }

        if (shot.Subjects.Count > MaxSubjects)
        {
            errors.Add(new($"{path}.subjects", $"at most {MaxSubjects} subjects; got {shot.Subjects.Count}."));
        }

        for (var j = 0; j < shot.Subjects.Count; j++)
        {
            CheckSubject(errors, $"{path}.subjects[{j}]", shot.Subjects[j]);
            if (shot.Subjects.Take(j).Any(s => s.Entity == shot.Subjects[j].Entity))
            {
                errors.Add(new($"{path}.subjects[{j}].entity", $"{shot.Subjects[j].Entity} is already in this shot."));
            }
        }

        if (shot.Dialogue is { } line)
        {
            if (EntityIds.KindOf(line.Speaker) is not (EntityKind.Character or EntityKind.Creature))
            {
                errors.Add(new($"{path}.dialogue.speaker", $"\"{line.Speaker}\" is no character or creature id."));
            }

            Text(errors, $"{path}.dialogue.text", line.Text, MaxDialogueLength);
        }

        if (shot.Vista is { } vista && EntityIds.KindOf(vista.Location) != EntityKind.Location)
        {
            errors.Add(new($"{path}.vista.location", $"\"{vista.Location}\" is no location id (loc_...)."));
        }
    }

    private static void CheckSubject(List<ParameterError> errors, string path, ShotSubject subject)
    {
        if (!EntityIds.IsValid(subject.Entity))
        {
            errors.Add(new($"{path}.entity", $"\"{subject.Entity}\" is not {EntityIds.Describe()}."));
        }

        Text(errors, $"{path}.action", subject.Action, MaxActionLength);
        if (subject.Wearing.Count > MaxOutfitItems)
        {
            errors.Add(new($"{path}.wearing", $"at most {MaxOutfitItems} garments; got {subject.Wearing.Count}."));
        }

        for (var k = 0; k < subject.Wearing.Count; k++)
        {
            Words(errors, $"{path}.wearing[{k}].item", subject.Wearing[k].Item);
            if (!StoryColours.IsColour(subject.Wearing[k].Colour))
            {
                errors.Add(new($"{path}.wearing[{k}].colour", $"\"{subject.Wearing[k].Colour}\" is no colour; expected one of {StoryColours.Describe()}."));
            }
        }

        if (subject.Holding.Count > MaxOutfitItems)
        {
            errors.Add(new($"{path}.holding", $"at most {MaxOutfitItems} items; got {subject.Holding.Count}."));
        }

        for (var k = 0; k < subject.Holding.Count; k++)
        {
            Words(errors, $"{path}.holding[{k}]", subject.Holding[k]);
        }

        foreach (var (name, value) in subject.Look)
        {
            if (EntityAttributes.Find(name) is null)
            {
                errors.Add(new($"{path}.look.{name}", $"unknown attribute; expected one of {string.Join(", ", EntityAttributes.All.Select(a => a.Name))}."));
            }
            else
            {
                Words(errors, $"{path}.look.{name}", value);
            }
        }
    }

    private static void Text(List<ParameterError> errors, string path, string text, int max)
    {
        if (text.Trim().Length == 0 || text.Length > max)
        {
            errors.Add(new(path, $"must be 1 to {max} characters, not blank; got {text.Length}."));
        }
    }

    private static void Words(List<ParameterError> errors, string path, string text)
    {
        if (EntityAttributes.CheckWords(text) is { } problem)
        {
            errors.Add(new(path, problem));
        }
    }
}
