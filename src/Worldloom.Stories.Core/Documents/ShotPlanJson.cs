using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Documents;

/// <summary>
/// Canonical JSON of a <see cref="ShotPlan"/> (keys sorted, empty lists and absent options left out, enums by wire
/// name) and its strict reader: every bad field reported with its path, unknown fields refused, the bounds of
/// <see cref="ShotPlanLimits"/> checked. An LLM narrator's output goes through the same reader.
/// </summary>
public static class ShotPlanJson
{
    /// <summary>Largest plan document.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The canonical bytes of <paramref name="plan"/>.</summary>
    public static byte[] Write(ShotPlan plan) => StoryJson.Write(w => Write(w, plan));

    /// <summary>Writes <paramref name="plan"/> as one JSON object.</summary>
    public static void Write(CanonicalJsonWriter writer, ShotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        writer.StartObject();
        StoryJson.Field(writer, "segment", plan.Segment);
        StoryJson.Array(writer, "shots", plan.Shots, WriteShot);
        StoryJson.Field(writer, "summary", plan.Summary);
        writer.EndObject();
    }

    /// <summary>Reads a plan; on failure the plan is null and every problem is listed.</summary>
    public static ShotPlan? Read(ReadOnlyMemory<byte> utf8, out IReadOnlyList<ParameterError> errors) =>
        StoryJson.ReadRoot(utf8, MaxBytes, out errors, (root, list) =>
        {
            var plan = Read(root, list);
            if (plan is not null && list.Count == 0)
            {
                list.AddRange(ShotPlanLimits.Check(plan));
            }

            return plan;
        });

    /// <summary>Reads the plan object at <paramref name="path"/>, recording problems in <paramref name="errors"/>; no bounds check.</summary>
    public static ShotPlan? Read(JsonElement element, string path, List<ParameterError> errors) =>
        JsonFields.Open(element, path, errors) is { } root ? Read(root, errors) : null;

    private static ShotPlan? Read(JsonFields root, List<ParameterError> errors)
    {
        var segment = root.Int("segment", 1, ShotPlanLimits.MaxSegment);
        var shots = root.Array("shots").Select((s, i) => ReadShot(s, $"{root.PathOf("shots")}[{i}]", errors)).ToList();
        var summary = root.String("summary");
        root.RejectUnknown();
        return shots.Any(s => s is null) ? null : new ShotPlan { Segment = segment, Shots = shots!, Summary = summary };
    }

    private static void WriteShot(CanonicalJsonWriter writer, Shot shot)
    {
        writer.StartObject();
        StoryJson.Field(writer, "camera", ShotNames.Camera.ToName(shot.Camera));
        StoryJson.Field(writer, "description", shot.Description);
        if (shot.Dialogue is { } line)
        {
            writer.Name("dialogue");
            writer.StartObject();
            StoryJson.Field(writer, "speaker", line.Speaker);
            StoryJson.Field(writer, "text", line.Text);
            writer.EndObject();
        }

        StoryJson.Field(writer, "durationMs", shot.DurationMs);
        writer.Name("setting");
        writer.StartObject();
        if (shot.Setting.Biome is { } biome)
        {
            StoryJson.Field(writer, "biome", BiomeNames.ToName(biome));
        }

        if (shot.Setting.Location is { } location)
        {
            StoryJson.Field(writer, "location", location);
        }

        StoryJson.Field(writer, "time", ShotNames.Time.ToName(shot.Setting.Time));
        StoryJson.Field(writer, "weather", ShotNames.Weather.ToName(shot.Setting.Weather));
        writer.EndObject();
        StoryJson.Array(writer, "subjects", shot.Subjects, WriteSubject);
        if (shot.Vista is { } vista)
        {
            writer.Name("vista");
            writer.StartObject();
            StoryJson.Field(writer, "direction", CompassNames.Names.ToName(vista.Direction));
            StoryJson.Field(writer, "location", vista.Location);
            writer.EndObject();
        }

        writer.EndObject();
    }

    private static void WriteSubject(CanonicalJsonWriter writer, ShotSubject subject)
    {
        writer.StartObject();
        StoryJson.Field(writer, "action", subject.Action);
        StoryJson.Field(writer, "entity", subject.Entity);
        StoryJson.Strings(writer, "holding", subject.Holding);
        StoryJson.Map(writer, "look", subject.Look);
        StoryJson.Field(writer, "position", ShotNames.Position.ToName(subject.Position));
        StoryJson.Garments(writer, "wearing", subject.Wearing);

        writer.EndObject();
    }

    private static Shot? ReadShot(JsonElement element, string path, List<ParameterError> errors)
    {
        if (JsonFields.Open(element, path, errors) is not { } shot)
        {
            return null;
        }

        var camera = StoryJson.Enum(shot, "camera", ShotNames.Camera);
        var description = shot.String("description");
        DialogueLine? dialogue = null;
        if (shot.OptionalObject("dialogue") is { } line)
        {
            dialogue = new DialogueLine(line.String("speaker"), line.String("text"));
            line.RejectUnknown();
        }

        var duration = shot.Int("durationMs");
        var setting = ReadSetting(shot.Object("setting"));
        var subjects = shot.Array("subjects").Select((s, i) => ReadSubject(s, $"{shot.PathOf("subjects")}[{i}]", errors)).ToList();
        Vista? vista = null;
        if (shot.OptionalObject("vista") is { } far)
        {
            vista = new Vista(far.String("location"), StoryJson.Enum(far, "direction", CompassNames.Names));
            far.RejectUnknown();
        }

        shot.RejectUnknown();
        return setting is null || subjects.Any(s => s is null)
            ? null
            : new Shot { Camera = camera, Description = description, Dialogue = dialogue, DurationMs = duration, Setting = setting, Subjects = subjects!, Vista = vista };
    }

    private static ShotSetting? ReadSetting(JsonFields? setting)
    {
        if (setting is null)
        {
            return null;
        }

        var result = new ShotSetting
        {
            Biome = setting.Has("biome") ? setting.Biome("biome") : null,
            Location = setting.OptionalString("location"),
            Time = StoryJson.Enum(setting, "time", ShotNames.Time),
            Weather = StoryJson.Enum(setting, "weather", ShotNames.Weather),
        };
        setting.Optional("biome");
        setting.RejectUnknown();
        return result;
    }

    private static ShotSubject? ReadSubject(JsonElement element, string path, List<ParameterError> errors)
    {
        if (JsonFields.Open(element, path, errors) is not { } subject)
        {
            return null;
        }

        var result = new ShotSubject
        {
            Action = subject.String("action"),
            Entity = subject.String("entity"),
            Holding = StoryJson.OptionalStrings(subject, "holding"),
            Look = StoryJson.OptionalMap(subject, "look"),
            Position = StoryJson.Enum(subject, "position", ShotNames.Position),
            Wearing = StoryJson.OptionalGarments(subject, "wearing", errors),
        };
        subject.RejectUnknown();
        return result;
    }
}
