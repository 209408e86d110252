using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Moderation;

/// <summary>The refusals before a segment is queued or a text is stored: a banned author, filtered text.</summary>
public static class StoryRefusals
{
    /// <summary>The problem code of a banned author's 403.</summary>
    public const string BannedCode = "stories_banned";

    /// <summary>403 <c>stories_banned</c> when a moderator stopped <paramref name="userId"/> generating stories, else null.</summary>
    public static async Task<IResult?> BannedAsync(LoomDb db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<StoryBan>().AsNoTracking().AnyAsync(b => b.UserId == userId, ct)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "A moderator has stopped this account generating stories.",
                extensions: new Dictionary<string, object?> { ["code"] = BannedCode })
            : null;
    }

    /// <summary>422 naming <c>prompt</c> and the term when the filter refuses <paramref name="prompt"/>, else null.</summary>
    public static IResult? Filtered(PromptFilter filter, string prompt) => Filtered(filter, "prompt", prompt);

    /// <summary>
    /// 422 naming <paramref name="field"/> and the term when the filter refuses <paramref name="text"/>, else null:
    /// titles, loglines and bible text reach the narrator and the page as prompts do, so they are held to the same terms.
    /// </summary>
    public static IResult? Filtered(PromptFilter filter, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrEmpty(text) || filter.Match(text) is not { } term)
        {
            return null;
        }

        var message = $"mentions \"{term}\", which this server does not allow in stories.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity, title: $"The {field} is refused.", detail: $"{field}: {message}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] }, ["term"] = term });
    }

    /// <summary>The first of <paramref name="fields"/> (name, text) that the filter refuses, as <see cref="Filtered(PromptFilter, string, string?)"/>; else null.</summary>
    public static IResult? Filtered(PromptFilter filter, params (string Field, string? Text)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Select(f => Filtered(filter, f.Field, f.Text)).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// 422 naming the JSON path (<c>edit.rule.text</c>, <c>edit.entity.attributes.hair</c>, ...) of the first string in
    /// a bible correction that the filter refuses, else null. Every string is checked, whatever the edit's kind, so a
    /// new kind of edit cannot slip text past the filter; only a <c>no ...</c> rule's text is let through.
    /// </summary>
    public static IResult? FilteredCorrection(PromptFilter filter, System.Text.Json.Nodes.JsonNode? node, string path)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (FilteredCorrection(filter, value, $"{path}.{key}") is { } refused)
                    {
                        return refused;
                    }
                }

                return null;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (FilteredCorrection(filter, a[i], $"{path}[{i}]") is { } refused)
                    {
                        return refused;
                    }
                }

                return null;
            // A "no ..." rule names what it forbids: refusing it would keep owners from banning the very terms filtered.
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String
                && path == "edit.rule.text" && Core.Rules.RuleParser.Parse(v.GetValue<string>(), "filter").Rule is Core.Rules.ForbiddenTermsRule:
                return null;
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return Filtered(filter, path, v.GetValue<string>());
            default:
                return null;
        }
    }
}
