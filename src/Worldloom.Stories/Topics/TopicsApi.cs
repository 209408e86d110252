using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Topics;

/// <summary><c>/api/stories/topics</c> for everyone signed in, and <c>/api/admin/stories/topics</c> for admins to curate them.</summary>
public static partial class TopicsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stories/topics", ListAsync).WithTags("Stories").RequireAuthorization();
        var admin = routes.MapGroup("/api/admin/stories/topics").WithTags("Stories admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateAsync);
        admin.MapPut("/{id:guid}", UpdateAsync);
        admin.MapDelete("/{id:guid}", DeleteAsync);
        return routes;
    }

    /// <summary>Every topic by title, with its count of public, active scenes.</summary>
    public static async Task<IResult> ListAsync([AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var counts = await s.Db.Set<StoryScene>().AsNoTracking()
            .Where(c => c.TopicId != null && c.DeletedAt == null && c.Visibility == SceneVisibility.Public && c.Status == SceneStatus.Active)
            .GroupBy(c => c.TopicId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, s.Cancellation);
        var topics = await s.Db.Set<StoryTopic>().AsNoTracking().OrderBy(t => t.Title).ThenBy(t => t.Id).Take(500).ToListAsync(s.Cancellation);
        return TypedResults.Ok(topics.Select(t => new TopicView(t.Id, t.Slug, t.Title, t.Description, counts.GetValueOrDefault(t.Id))).ToList());
    }

    /// <summary>Adds a topic: 201; 409 when the slug is taken.</summary>
    public static async Task<IResult> CreateAsync(TopicBody body, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (slug, title, description, problem) = Read(body);
        if (problem is not null)
        {
            return problem;
        }

        if (await s.Db.Set<StoryTopic>().AnyAsync(t => t.Slug == slug, s.Cancellation))
        {
            return Problems.Conflict("slug", $"a topic \"{slug}\" already exists.");
        }

        var now = s.Clock.GetUtcNow();
        var topic = new StoryTopic { Id = Guid.CreateVersion7(now), Slug = slug, Title = title, Description = description, CreatedAt = now };
        s.Db.Set<StoryTopic>().Add(topic);
        if (!await SaveAsync(s))
        {
            return Problems.Conflict("slug", $"a topic \"{slug}\" already exists.");
        }

        await s.AuditAsync("stories.topic.create", $"story_topic:{topic.Id}", new Dictionary<string, string> { ["slug"] = slug });
        return TypedResults.Created($"/api/stories/topics", new TopicView(topic.Id, topic.Slug, topic.Title, topic.Description, 0));
    }

    /// <summary>Replaces a topic's slug, title and description.</summary>
    public static async Task<IResult> UpdateAsync(Guid id, TopicBody body, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (slug, title, description, problem) = Read(body);
        if (problem is not null)
        {
            return problem;
        }

        var topic = await s.Db.Set<StoryTopic>().FirstOrDefaultAsync(t => t.Id == id, s.Cancellation);
        if (topic is null)
        {
            return Problems.NotFound("topic");
        }

        if (await s.Db.Set<StoryTopic>().AnyAsync(t => t.Slug == slug && t.Id != id, s.Cancellation))
        {
            return Problems.Conflict("slug", $"a topic \"{slug}\" already exists.");
        }

        (topic.Slug, topic.Title, topic.Description) = (slug, title, description);
        if (!await SaveAsync(s))
        {
            return Problems.Conflict("slug", $"a topic \"{slug}\" already exists.");
        }

        await s.AuditAsync("stories.topic.update", $"story_topic:{id}", new Dictionary<string, string> { ["slug"] = slug });
        var count = await s.Db.Set<StoryScene>().CountAsync(c => c.TopicId == id && c.DeletedAt == null && c.Visibility == SceneVisibility.Public && c.Status == SceneStatus.Active, s.Cancellation);
        return TypedResults.Ok(new TopicView(topic.Id, topic.Slug, topic.Title, topic.Description, count));
    }

    /// <summary>Removes a topic; its scenes stay, filed under no topic.</summary>
    public static async Task<IResult> DeleteAsync(Guid id, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var topic = await s.Db.Set<StoryTopic>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, s.Cancellation);
        if (topic is null)
        {
            return Problems.NotFound("topic");
        }

        await s.Db.Set<StoryScene>().Where(c => c.TopicId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.TopicId, (Guid?)null), s.Cancellation);
        await s.Db.Set<StoryTopic>().Where(t => t.Id == id).ExecuteDeleteAsync(s.Cancellation);
        await s.AuditAsync("stories.topic.delete", $"story_topic:{id}", new Dictionary<string, string> { ["slug"] = topic.Slug });
        return TypedResults.NoContent();
    }

    private static (string Slug, string Title, string Description, IResult? Problem) Read(TopicBody? body)
    {
        var v = new Validation();
        if (body is null)
        {
            return ("", "", "", v.Add("body", "is required.").Problem());
        }

        var slug = v.Text("slug", body.Slug, StoryLimits.MaxSlug);
        if (slug.Length > 0 && !SlugPattern().IsMatch(slug))
        {
            v.Add("slug", "must be lower-case letters, digits and single hyphens, starting with a letter (\"sea-tales\").");
        }

        var title = v.Text("title", body.Title, StoryLimits.MaxTopicTitle);
        var description = body.Description?.Trim() ?? "";
        if (description.Length > StoryLimits.MaxTopicDescription)
        {
            v.Add("description", $"must be at most {StoryLimits.MaxTopicDescription} characters.");
        }

        return (slug, title, description, v.Failed ? v.Problem() : null);
    }

    private static async Task<bool> SaveAsync(StoryServices s)
    {
        try
        {
            await s.Db.SaveChangesAsync(s.Cancellation);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique slug index: another admin took it between the check and the write.
            return false;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
