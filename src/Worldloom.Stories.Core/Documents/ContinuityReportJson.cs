using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Continuity;

namespace Worldloom.Stories.Core.Documents;

/// <summary>Canonical JSON of a <see cref="ContinuityReport"/>, stored with its segment, and its strict reader.</summary>
public static class ContinuityReportJson
{
    /// <summary>Largest report document.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The canonical bytes of <paramref name="report"/>.</summary>
    public static byte[] Write(ContinuityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return StoryJson.Write(w =>
        {
            w.StartObject();
            StoryJson.Field(w, "bibleVersion", report.BibleVersion);
            StoryJson.Array(w, "corrections", report.Corrections, (w, c) =>
            {
                w.StartObject();
                StoryJson.Field(w, "from", c.From);
                Finding(w, c.Message, c.Path, c.Rule, c.RuleText, c.Shot);
                StoryJson.Field(w, "to", c.To);
                w.EndObject();
            });
            w.Name("passed");
            w.Boolean(report.Passed);
            w.Name("plan");
            ShotPlanJson.Write(w, report.Plan);
            StoryJson.Field(w, "segment", report.Segment);
            StoryJson.Array(w, "violations", report.Violations, (w, v) =>
            {
                w.StartObject();
                Finding(w, v.Message, v.Path, v.Rule, v.RuleText, v.Shot);
                w.EndObject();
            });
            w.EndObject();
        });
    }

    /// <summary>Reads a stored report; null with the problems when it is malformed.</summary>
    public static ContinuityReport? Read(ReadOnlyMemory<byte> utf8, out IReadOnlyList<ParameterError> errors) =>
        StoryJson.ReadRoot(utf8, MaxBytes, out errors, Read);

    private static ContinuityReport? Read(JsonFields root, List<ParameterError> list)
    {
        var version = root.Int("bibleVersion", 0, Bible.SceneBible.MaxChanges);
        var corrections = root.Array("corrections").Select((e, i) => ReadCorrection(e, $"corrections[{i}]", list)).ToList();
        var passed = root.Bool("passed");
        var plan = root.Required("plan") is { } p ? ShotPlanJson.Read(p, "plan", list) : null;
        var segment = root.Int("segment", 1, Shots.ShotPlanLimits.MaxSegment);
        var violations = root.Array("violations").Select((e, i) => ReadViolation(e, $"violations[{i}]", list)).ToList();
        root.RejectUnknown();
        if (passed != (violations.Count == 0))
        {
            root.Fail("passed", $"says {(passed ? "true" : "false")} but the report lists {violations.Count} violations.");
        }

        return list.Count > 0 || plan is null
            ? null
            : new ContinuityReport { BibleVersion = version, Corrections = corrections!, Plan = plan, Segment = segment, Violations = violations! };
    }

    // The fields corrections and violations share, which sort together between "from" and "to".
    private static void Finding(CanonicalJsonWriter w, string message, string path, string rule, string ruleText, int? shot)
    {
        StoryJson.Field(w, "message", message);
        StoryJson.Field(w, "path", path);
        StoryJson.Field(w, "rule", rule);
        StoryJson.Field(w, "ruleText", ruleText);
        if (shot is { } index)
        {
            StoryJson.Field(w, "shot", index);
        }
    }

    private static int? ReadShot(JsonFields fields) =>
        fields.Has("shot") ? fields.Int("shot", 0, Shots.ShotPlanLimits.MaxShots - 1) : null;

    private static Correction? ReadCorrection(JsonElement element, string path, List<ParameterError> errors)
    {
        if (JsonFields.Open(element, path, errors) is not { } f)
        {
            return null;
        }

        var correction = new Correction(f.String("rule"), f.String("ruleText"), ReadShot(f), f.String("path"), f.String("from"), f.String("to"), f.String("message"));
        f.Optional("shot");
        f.RejectUnknown();
        return correction;
    }

    private static Violation? ReadViolation(JsonElement element, string path, List<ParameterError> errors)
    {
        if (JsonFields.Open(element, path, errors) is not { } f)
        {
            return null;
        }

        var violation = new Violation(f.String("rule"), f.String("ruleText"), ReadShot(f), f.String("path"), f.String("message"));
        f.Optional("shot");
        f.RejectUnknown();
        return violation;
    }
}
