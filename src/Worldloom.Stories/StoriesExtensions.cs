using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Data;
using Worldloom.Stories.Moderation;
using Worldloom.Stories.Render;
using Worldloom.Stories.Render.Storyboard;
using Worldloom.Stories.Scenes;
using Worldloom.Stories.Segments;
using Worldloom.Stories.Topics;

namespace Worldloom.Stories;

/// <summary>Wires the Stories slice: topics, scenes, segments and their generation job, bibles, forks, playlists and moderation.</summary>
public static class StoriesExtensions
{
    /// <summary>
    /// Registers Stories' services and job kind. The narrator (the offline <see cref="GrammarNarrator"/>) and the video
    /// provider are added only when none is registered yet: the server registers the narrator that
    /// <c>Loom:Stories:Narrator</c> names (Worldloom.Stories.Narration's <c>AddStoryNarrator</c>) before this. The database model is added by <see cref="StoriesModel.Configure"/>.
    /// </summary>
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddOptions<StoriesOptions>().BindConfiguration(StoriesOptions.Section)
            .Validate(o => o.SegmentSeconds is >= 3 and <= 30, "Loom:Stories:SegmentSeconds must be from 3 to 30.")
            .Validate(o => RenderOptionsOf(o).Check().Count == 0, "Loom:Stories:Render: width and height must be even (64–3840 × 36–2160), fps from 1 to 60.")
            .ValidateOnStart();
        services.TryAddSingleton<INarrator, GrammarNarrator>();
        services.TryAddSingleton<IVideoProvider>(sp => new StoryboardVideoProvider(RenderOptionsOf(sp.GetRequiredService<IOptions<StoriesOptions>>().Value)));
        services.AddSingleton<PromptFilter>();
        services.AddSingleton<IJobHandler, SegmentJob>();
        // A segment cancelled or failed after storing its files never keeps their rows: the sweep reclaims them.
        services.AddBlobColumn<StorySegmentFile>(f => f.Sha256);
        services.AddHostedService<TopicSeeder>();
        return services;
    }

    /// <summary>Maps Stories' endpoints under <c>/api/stories</c> and <c>/api/admin/stories</c>.</summary>
    public static IEndpointRouteBuilder MapStories(this IEndpointRouteBuilder routes)
    {
        routes.MapTopicsApi();
        routes.MapScenesApi();
        routes.MapForksApi();
        routes.MapBibleApi();
        routes.MapMediaApi();
        routes.MapStoryReportsApi();
        return routes;
    }

    private static RenderOptions RenderOptionsOf(StoriesOptions o) => new() { Width = o.Render.Width, Height = o.Render.Height, Fps = o.Render.Fps, ThumbnailWidth = Math.Min(320, o.Render.Width) };
}
