using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Projects;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/projects</c>: a user's projects, with soft delete and restore. Owner or admin only.</summary>
public static class ProjectsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPatch("/{id:guid}", PatchAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/restore", RestoreAsync);
        return routes;
    }

    /// <summary>The caller's projects; deleted ones (still restorable) too with <c>includeDeleted=true</c>.</summary>
    public static async Task<Ok<List<ProjectView>>> ListAsync(ClaimsPrincipal user, LoomDb db, LoomClock clock, CancellationToken ct, bool includeDeleted = false)
    {
        var owner = user.UserId();
        var cutoff = clock.GetUtcNow() - ProjectRules.RestoreWindow;
        var query = db.Projects.AsNoTracking().Where(p => p.OwnerId == owner);
        query = includeDeleted ? query.Where(p => p.DeletedAt == null || p.DeletedAt > cutoff) : query.Where(p => p.DeletedAt == null);
        var list = await query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ProjectView.From).ToList());
    }

    /// <summary>Creates a project owned by the caller.</summary>
    public static async Task<Results<Created<ProjectView>, ValidationProblem>> CreateAsync(
        ProjectCreate body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", body.Name, ProjectRules.MaxNameLength);
        var description = Description(v, body.Description);
        if (v.Failed)
        {
            return v.Problem();
        }

        var now = clock.GetUtcNow();
        var project = new Project { Id = Guid.CreateVersion7(now), OwnerId = user.UserId(), Name = name, Description = description, CreatedAt = now, UpdatedAt = now };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(project.OwnerId.ToString(), http.ClientIp(), "project.create", $"project:{project.Id}"), ct);
        return TypedResults.Created($"/api/projects/{project.Id}", ProjectView.From(project));
    }

    /// <summary>One project, if the caller owns it (or is admin).</summary>
    public static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var project = await FindAsync(db, id, user, ct);
        return project is null ? Problems.Problems.NotFound("project") : TypedResults.Ok(ProjectView.From(project));
    }

    /// <summary>Renames or re-describes a live project.</summary>
    public static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, ProjectPatch body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        if (body.Name is null && body.Description is null)
        {
            v.Add("name", "name or description is required.");
        }

        var name = body.Name is null ? null : v.Text("name", body.Name, ProjectRules.MaxNameLength);
        var description = body.Description is null ? null : Description(v, body.Description);
        if (v.Failed)
        {
            return v.Problem();
        }

        var project = await FindAsync(db, id, user, ct);
        if (project is null || project.DeletedAt is not null)
        {
            return Problems.Problems.NotFound("project");
        }

        project.Name = name ?? project.Name;
        project.Description = description ?? project.Description;
        project.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "project.update", $"project:{id}"), ct);
        return TypedResults.Ok(ProjectView.From(project));
    }

    /// <summary>Moves a project to the bin; it can be restored for 30 days.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var project = await FindAsync(db, id, user, ct);
        if (project is null || project.DeletedAt is not null)
        {
            return Problems.Problems.NotFound("project");
        }

        project.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "project.delete", $"project:{id}"), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Brings a deleted project back within the restore window.</summary>
    public static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> RestoreAsync(
        Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var project = await FindAsync(db, id, user, ct);
        var now = clock.GetUtcNow();
        if (project?.DeletedAt is not { } deletedAt || deletedAt <= now - ProjectRules.RestoreWindow)
        {
            return Problems.Problems.NotFound("restorable project");
        }

        project.DeletedAt = null;
        project.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "project.restore", $"project:{id}"), ct);
        return TypedResults.Ok(ProjectView.From(project));
    }

    // Another user's project answers 404, not 403, so ids cannot be probed for existence.
    private static Task<Project?> FindAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var owner = user.UserId();
        return db.Projects.FirstOrDefaultAsync(p => p.Id == id && (isAdmin || p.OwnerId == owner), ct);
    }

    private static string Description(Validation v, string? description)
    {
        var text = description?.Trim() ?? "";
        if (text.Length > ProjectRules.MaxDescriptionLength)
        {
            v.Add("description", $"must be at most {ProjectRules.MaxDescriptionLength} characters.");
        }

        return text;
    }
}
