using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Quotas;
using Worldloom.Stories.Moderation;

namespace Worldloom.Stories.Scenes;

/// <summary>What the endpoints that start generation need besides <see cref="StoryServices"/>.</summary>
/// <param name="Jobs">The job queue.</param>
/// <param name="Quota">The weekly generation quota.</param>
/// <param name="Filter">The prompt filter.</param>
/// <param name="Worlds">Forge's worlds, for scenes told in one.</param>
public sealed record SceneWrite(IJobQueue Jobs, IQuotaService Quota, PromptFilter Filter, IWorldCatalog Worlds);
