using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge.Exports;

/// <summary>What starting an export needs, bound as one <c>[AsParameters]</c> record (the PacAI route passes on its own).</summary>
/// <param name="Db">The database.</param>
/// <param name="Jobs">The job queue.</param>
/// <param name="Audit">The audit chain.</param>
/// <param name="Clock">The clock.</param>
/// <param name="User">The caller.</param>
/// <param name="Http">The request.</param>
/// <param name="Cancellation">The request's cancellation.</param>
public sealed record ExportServices(LoomDb Db, IJobQueue Jobs, IAuditChain Audit, LoomClock Clock, ClaimsPrincipal User, HttpContext Http, CancellationToken Cancellation);
