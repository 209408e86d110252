using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render;

/// <summary>
/// What a plan needs before it can be drawn: the plan's own bounds (<see cref="ShotPlanLimits"/>) and every entity it
/// names present in the bible, with the kind its place asks for. Continuity (rules, deaths) is the validator's job and
/// is done before rendering; this check only keeps the renderer from drawing what it cannot know.
/// </summary>
public static class RenderPlanCheck
{
    /// <summary>Every problem of <paramref name="plan"/> against <paramref name="bible"/>; empty when it can be drawn.</summary>
    public static IReadOnlyList<ParameterError> Check(ShotPlan plan, BibleState bible)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bible);
        var errors = new List<ParameterError>(ShotPlanLimits.Check(plan));
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            var shot = plan.Shots[i];
            var path = $"shots[{i}]";
            Expect(errors, bible, $"{path}.setting.location", shot.Setting.Location, EntityKind.Location);
            Expect(errors, bible, $"{path}.vista.location", shot.Vista?.Location, EntityKind.Location);
            for (var j = 0; j < shot.Subjects.Count; j++)
            {
                var id = shot.Subjects[j].Entity;
                if (EntityIds.IsValid(id) && bible.Entity(id) is null)
                {
                    errors.Add(new($"{path}.subjects[{j}].entity", $"{id} is not in the scene bible."));
                }
            }

            if (shot.Dialogue is { } line && EntityIds.IsValid(line.Speaker) && bible.Entity(line.Speaker) is null)
            {
                errors.Add(new($"{path}.dialogue.speaker", $"{line.Speaker} is not in the scene bible."));
            }
        }

        return errors;
    }

    private static void Expect(List<ParameterError> errors, BibleState bible, string path, string? id, EntityKind kind)
    {
        if (id is not null && EntityIds.KindOf(id) == kind && bible.Entity(id) is null)
        {
            errors.Add(new(path, $"{id} is not in the scene bible."));
        }
    }
}
