using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Documents;

/// <summary>
/// The canonical JSON document of a <see cref="SceneBible"/>: the entities and rules as first written and the
/// stamped corrections since. Rules are stored as their text and parsed on reading, so the stored form is what the
/// user wrote. The reader is strict (paths in every error, unknown fields refused) and rebuilds the bible through
/// <see cref="SceneBible.Restore"/>, so a stored bible passes the same checks as one edited live.
/// </summary>
public static class BibleJson
{
    /// <summary>The format tag.</summary>
    public const string Format = "worldloom-bible/1";

    /// <summary>Largest bible document.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The canonical bytes of <paramref name="bible"/>.</summary>
    public static byte[] Write(SceneBible bible)
    {
        ArgumentNullException.ThrowIfNull(bible);
        return StoryJson.Write(w =>
        {
            w.StartObject();
            StoryJson.Array(w, "changes", bible.Changes, (w, change) =>
            {
                w.StartObject();
                w.Name("edit");
                WriteEdit(w, change.Edit);
                StoryJson.Field(w, "fromSegment", change.FromSegment);
                StoryJson.Field(w, "version", change.Version);
                w.EndObject();
            });
            StoryJson.Array(w, "entities", bible.Initial.Entities, WriteEntity);
            StoryJson.Field(w, "format", Format);
            StoryJson.Array(w, "rules", bible.Initial.Rules, WriteRule);
            w.EndObject();
        });
    }

    /// <summary>
    /// The canonical bytes of one state, <c>{"entities":[...],"rules":[...],"version":n}</c>: what a segment is held
    /// to, in the form an LLM narrator's prompt or a read-only API view shows it. Not a bible document (no history).
    /// </summary>
    public static byte[] WriteState(BibleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StoryJson.Write(w =>
        {
            w.StartObject();
            StoryJson.Array(w, "entities", state.Entities, WriteEntity);
            StoryJson.Array(w, "rules", state.Rules, WriteRule);
            StoryJson.Field(w, "version", state.Version);
            w.EndObject();
        });
    }

    /// <summary>The canonical bytes of one entity.</summary>
    public static byte[] WriteEntity(BibleEntity entity) => StoryJson.Write(w => WriteEntity(w, entity));

    /// <summary>Reads a bible document; on failure the bible is null and the problems are listed.</summary>
    public static SceneBible? Read(ReadOnlyMemory<byte> utf8, out IReadOnlyList<ParameterError> errors) =>
        StoryJson.ReadRoot(utf8, MaxBytes, out errors, Read);

    private static SceneBible? Read(JsonFields root, List<ParameterError> list)
    {
        var changes = StoryJson.OptionalArray(root, "changes").Select((c, i) => ReadChange(c, $"changes[{i}]", list)).ToList();
        var entities = root.Array("entities").Select((e, i) => ReadEntity(e, $"entities[{i}]", list)).ToList();
        var format = root.String("format");
        if (format != Format && list.All(e => e.Field != "format"))
        {
            root.Fail("format", $"unknown format \"{format}\"; this build reads \"{Format}\".");
        }

        var rules = root.Array("rules").Select((r, i) => ReadRule(r, $"rules[{i}]", list)).ToList();
        root.RejectUnknown();
        if (list.Count > 0)
        {
            return null;
        }

        var restored = SceneBible.Restore(new BibleState(entities!, rules!, 0), changes!);
        list.AddRange(restored.Errors);
        return restored.Bible;
    }

    /// <summary>Reads one entity object at <paramref name="path"/> and checks it (<see cref="EntityChecks"/>).</summary>
    public static BibleEntity? ReadEntity(JsonElement element, string path, List<ParameterError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (JsonFields.Open(element, path, errors) is not { } fields)
        {
            return null;
        }

        var before = errors.Count;
        var entity = new BibleEntity
        {
            Aliases = StoryJson.OptionalStrings(fields, "aliases"),
            Attributes = StoryJson.OptionalMap(fields, "attributes"),
            Clothing = StoryJson.OptionalGarments(fields, "clothing", errors),
            Id = fields.String("id"),
            Items = StoryJson.OptionalStrings(fields, "items"),
            Landmarks = StoryJson.OptionalStrings(fields, "landmarks"),
            Name = fields.String("name"),
            Palette = StoryJson.OptionalStrings(fields, "palette"),
            Temperament = StoryJson.OptionalStrings(fields, "temperament"),
        };
        fields.RejectUnknown();
        if (errors.Count > before)
        {
            return null;
        }

        var problems = EntityChecks.Check(entity, path);
        errors.AddRange(problems);
        return problems.Count == 0 ? entity : null;
    }

    private static void WriteEntity(CanonicalJsonWriter w, BibleEntity entity)
    {
        w.StartObject();
        StoryJson.Strings(w, "aliases", entity.Aliases);
        StoryJson.Map(w, "attributes", entity.Attributes);
        StoryJson.Garments(w, "clothing", entity.Clothing);

        StoryJson.Field(w, "id", entity.Id);
        StoryJson.Strings(w, "items", entity.Items);
        StoryJson.Strings(w, "landmarks", entity.Landmarks);
        StoryJson.Field(w, "name", entity.Name);
        StoryJson.Strings(w, "palette", entity.Palette);
        StoryJson.Strings(w, "temperament", entity.Temperament);
        w.EndObject();
    }

    private static void WriteRule(CanonicalJsonWriter w, StoryRule rule)
    {
        w.StartObject();
        StoryJson.Field(w, "id", rule.Id);
        StoryJson.Field(w, "text", rule.Text);
        w.EndObject();
    }

    private static void WriteEdit(CanonicalJsonWriter w, BibleEdit edit)
    {
        w.StartObject();
        switch (edit)
        {
            case PutEntity put:
                w.Name("entity");
                WriteEntity(w, put.Entity);
                StoryJson.Field(w, "kind", edit.KindName);
                break;
            case RemoveEntity remove:
                StoryJson.Field(w, "id", remove.Id);
                StoryJson.Field(w, "kind", edit.KindName);
                break;
            case PutRule put:
                StoryJson.Field(w, "kind", edit.KindName);
                w.Name("rule");
                WriteRule(w, put.Rule);
                break;
            case RemoveRule remove:
                StoryJson.Field(w, "id", remove.Id);
                StoryJson.Field(w, "kind", edit.KindName);
                break;
            default:
                throw new ArgumentException($"Unknown edit {edit.GetType().Name}.", nameof(edit));
        }

        w.EndObject();
    }

    private static StoryRule? ReadRule(JsonElement element, string path, List<ParameterError> errors)
    {
        if (JsonFields.Open(element, path, errors) is not { } fields)
        {
            return null;
        }

        var id = fields.String("id");
        var text = fields.String("text");
        fields.RejectUnknown();
        if (!RuleIds.IsValid(id))
        {
            fields.Fail(fields.PathOf("id"), $"\"{id}\" is no rule id: a lower-case letter, then letters, digits or underscores (at most {RuleIds.MaxLength}).");
            return null;
        }

        var parsed = RuleParser.Parse(text, id);
        if (parsed.Rule is null)
        {
            fields.Fail(fields.PathOf("text"), parsed.Error!.Message);
            return null;
        }

        if (parsed.Rule.Id != id)
        {
            fields.Fail(fields.PathOf("text"), $"the label \"{parsed.Rule.Id}\" differs from the id \"{id}\"; drop the label.");
            return null;
        }

        return parsed.Rule;
    }

    /// <summary>
    /// Reads a correction as a client sends it, <c>{"edit":{...},"fromSegment":4}</c> (a change without its version,
    /// which the bible assigns); null with the problems when it is malformed. Whether it fits the bible is
    /// <see cref="SceneBible.Correct"/>'s to say.
    /// </summary>
    public static BibleChange? ReadCorrection(ReadOnlyMemory<byte> utf8, out IReadOnlyList<ParameterError> errors) =>
        StoryJson.ReadRoot(utf8, MaxBytes, out errors, (fields, list) => ReadChange(fields, list, withVersion: false));

    private static BibleChange? ReadChange(JsonElement element, string path, List<ParameterError> errors) =>
        JsonFields.Open(element, path, errors) is { } fields ? ReadChange(fields, errors, withVersion: true) : null;

    private static BibleChange? ReadChange(JsonFields fields, List<ParameterError> errors, bool withVersion)
    {
        var edit = fields.Object("edit") is { } e ? ReadEdit(e, errors) : null;
        var from = fields.Int("fromSegment", 1, Shots.ShotPlanLimits.MaxSegment);
        var version = withVersion ? fields.Int("version", 1, SceneBible.MaxChanges) : 0;
        fields.RejectUnknown();
        return edit is null ? null : new BibleChange(version, from, edit);
    }

    private static BibleEdit? ReadEdit(JsonFields edit, List<ParameterError> errors)
    {
        var kind = edit.String("kind");
        BibleEdit? result = kind switch
        {
            "put_entity" => edit.Required("entity") is { } e && ReadEntity(e, edit.PathOf("entity"), errors) is { } entity ? new PutEntity(entity) : null,
            "remove_entity" => new RemoveEntity(edit.String("id")),
            "put_rule" => edit.Required("rule") is { } r && ReadRule(r, edit.PathOf("rule"), errors) is { } rule ? new PutRule(rule) : null,
            "remove_rule" => new RemoveRule(edit.String("id")),
            _ => null,
        };
        if (kind is not ("put_entity" or "remove_entity" or "put_rule" or "remove_rule"))
        {
            edit.Fail(edit.PathOf("kind"), $"unknown edit \"{kind}\"; expected put_entity, remove_entity, put_rule or remove_rule.");
        }

        edit.RejectUnknown();
        return result;
    }
}
