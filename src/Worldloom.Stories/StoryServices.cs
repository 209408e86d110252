using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Tokens;
using Worldloom.Stories.Scenes;

namespace Worldloom.Stories;

/// <summary>What most Stories endpoints need, bound as one <c>[AsParameters]</c> record.</summary>
/// <param name="Db">The database.</param>
/// <param name="Audit">The audit chain.</param>
/// <param name="Clock">The clock.</param>
/// <param name="User">The caller.</param>
/// <param name="Http">The request.</param>
/// <param name="Cancellation">The request's cancellation.</param>
public sealed record StoryServices(LoomDb Db, IAuditChain Audit, LoomClock Clock, ClaimsPrincipal User, HttpContext Http, CancellationToken Cancellation)
{
    /// <summary>The caller as the visibility rules see them.</summary>
    public Viewer Viewer => new(User.UserId(), User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Admin));

    /// <summary>Appends a <c>stories.*</c> entry for the caller.</summary>
    public Task AuditAsync(string action, string target, IReadOnlyDictionary<string, string>? details = null) =>
        Audit.AppendAsync(new AuditEvent(User.UserId().ToString(), Http.ClientIp(), action, target, details), Cancellation);
}
