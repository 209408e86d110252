using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Narration;

/// <summary>
/// The messages the LLM narrator sends: a system message with the shot-plan schema and its bounds, a user message with
/// the request and the bible as of the segment (canonical JSON, the form <see cref="BibleJson.WriteState"/> writes),
/// and, after a bad answer, that answer and the problems the reader found, so the model can fix exactly those.
/// </summary>
internal static class NarrationPrompt
{
    private static readonly string System = $$"""
        You are the narrator of a storyboard video. You turn a user's prompt into the shot plan of one segment of a
        scene, as one JSON object and nothing else (no prose, no code fences).

        Schema (every key as written, no others):
        {"segment": <the segment number you are given>,
         "shots": [ 1 to 12 shots, each:
           {"camera": "static"|"pan_left"|"pan_right"|"zoom_in"|"zoom_out"|"dolly_in"|"dolly_out",
            "description": "<what the shot shows, at most 240 characters>",
            "durationMs": <1000 to 10000>,
            "setting": {"location": "<a loc_ id of the bible, optional>", "biome": "<one of {{string.Join(", ", BiomeNames.All)}}; optional>",
                        "time": "dawn"|"day"|"dusk"|"night", "weather": "clear"|"rain"|"fog"|"snow"|"wind"},
            "subjects": [ at most 4, left to right:
              {"entity": "<a char_, beast_ or prop_ id of the bible>", "action": "<at most 120 characters>",
               "position": "left"|"center"|"right"|"distance",
               "wearing": [{"item": "cloak", "colour": "red"}] (optional), "holding": ["silver locket"] (optional),
               "look": {"hair": "black"} (optional)} ],
            "dialogue": {"speaker": "<a char_ or beast_ id>", "text": "<one line, at most 200 characters>"} (optional),
            "vista": {"location": "<another loc_ id>", "direction": "north"|"northeast"|"east"|"southeast"|"south"|"southwest"|"west"|"northwest"} (optional)} ],
         "summary": "<what happened in this segment, at most 400 characters>"}

        Colours are one of: {{StoryColours.Describe()}}.
        The shots' durations add up to about the target duration and at most 60000 ms. Use only entity ids from the
        bible. Keep every character as the bible describes them (clothing, items, hair and eyes) and obey every rule
        of the bible: a dead character neither appears nor speaks, forbidden things are never mentioned.
        """;

    /// <summary>The first exchange: the schema and the request.</summary>
    public static List<ChatMessage> Start(NarrationRequest request)
    {
        var bible = Encoding.UTF8.GetString(BibleJson.WriteState(request.Bible.AsOf(request.Segment)));
        var user = new StringBuilder();
        user.Append(CultureInfo.InvariantCulture, $"Segment: {request.Segment}\n");
        user.Append(CultureInfo.InvariantCulture, $"Target duration: {request.TargetDurationMs} ms\n");
        user.Append("Scene bible: ").Append(bible).Append('\n');
        if (request.PreviousSummary.Length > 0)
        {
            user.Append("The story so far: ").Append(request.PreviousSummary).Append('\n');
        }

        // The prompt is the user's text: quoted as a JSON string so it reads as data, not as more instructions.
        user.Append("Prompt: ").Append(JsonSerializer.Serialize(request.Prompt)).Append('\n');
        user.Append("Answer with the shot plan as one JSON object.");
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>Appends a bad answer and what was wrong with it, asking for the whole plan again.</summary>
    public static void Retry(List<ChatMessage> messages, string answer, IReadOnlyList<ParameterError> problems)
    {
        messages.Add(new ChatMessage(ChatRole.Assistant, answer));
        var text = new StringBuilder("That answer cannot be used. Problems (JSON path: problem):\n");
        foreach (var problem in problems.Take(20))
        {
            text.Append("- ").Append(problem.Field).Append(": ").Append(problem.Message).Append('\n');
        }

        text.Append("Answer again with the whole corrected shot plan as one JSON object.");
        messages.Add(new ChatMessage(ChatRole.User, text.ToString()));
    }

    /// <summary>
    /// The JSON object in <paramref name="answer"/>: models asked for JSON still wrap it in a Markdown fence now and
    /// then, which costs a whole retry if not stripped.
    /// </summary>
    public static string Unfence(string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            var close = text.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLine > 0 && close > firstLine)
            {
                return text[(firstLine + 1)..close].Trim();
            }
        }

        return text;
    }

    /// <summary>Problems of a readable plan that make it the wrong answer to this request: another segment number, ids not in the bible.</summary>
    public static IReadOnlyList<ParameterError> Mismatches(NarrationRequest request, ShotPlan plan)
    {
        var errors = new List<ParameterError>();
        if (plan.Segment != request.Segment)
        {
            errors.Add(new("segment", $"must be {request.Segment}, the segment asked for; got {plan.Segment}."));
        }

        var state = request.Bible.AsOf(request.Segment);
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            var shot = plan.Shots[i];
            Known(errors, state, $"shots[{i}].setting.location", shot.Setting.Location);
            Known(errors, state, $"shots[{i}].vista.location", shot.Vista?.Location);
            Known(errors, state, $"shots[{i}].dialogue.speaker", shot.Dialogue?.Speaker);
            for (var j = 0; j < shot.Subjects.Count; j++)
            {
                Known(errors, state, $"shots[{i}].subjects[{j}].entity", shot.Subjects[j].Entity);
            }
        }

        return errors;
    }

    private static void Known(List<ParameterError> errors, BibleState state, string path, string? id)
    {
        if (id is not null && state.Entity(id) is null)
        {
            errors.Add(new(path, $"{id} is not in the scene bible; use an id the bible lists."));
        }
    }
}
