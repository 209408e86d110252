using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render;

/// <summary>What to render and where to put it.</summary>
/// <param name="Plan">The segment's shot plan, already validated for continuity.</param>
/// <param name="Bible">The bible as of the plan's segment (<see cref="SceneBible.AsOf"/>).</param>
/// <param name="OutputDirectory">An empty or missing directory; the files are written there.</param>
public sealed record VideoRequest(ShotPlan Plan, BibleState Bible, string OutputDirectory);
