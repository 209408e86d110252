using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Forge.Batches;
using Worldloom.Forge.Exports;
using Worldloom.Forge.PacAi;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge;

/// <summary>Wires the Forge slice: worlds, history, maps, batches, exports, the PacAI v5 routes and their jobs.</summary>
public static class ForgeExtensions
{
    /// <summary>Registers Forge's services and job kinds. The database model is added by <see cref="ForgeModel.Configure"/>.</summary>
    public static IServiceCollection AddForge(this IServiceCollection services)
    {
        services.AddSingleton<WorldStore>();
        // World documents, export bundles and batch thumbnails. The other hash columns (a world's head, an export's or
        // a batch seed's world) name documents a snapshot names too, or none stored; listing them costs a query, missing
        // one would cost data.
        services.AddBlobColumn<WorldSnapshot>(s => s.Hash);
        services.AddBlobColumn<WorldRecord>(w => w.Hash);
        services.AddBlobColumn<WorldExportRecord>(e => e.BundleSha256);
        services.AddBlobColumn<WorldExportRecord>(e => e.WorldHash);
        services.AddBlobColumn<WorldBatchItem>(i => i.Hash);
        services.AddBlobColumn<WorldBatchItem>(i => i.ThumbnailSha);
        services.AddSingleton<IWorldCatalog, WorldCatalog>();
        services.AddSingleton<IJobHandler, WorldGenerateJob>();
        services.AddSingleton<IJobHandler, WorldBatchJob>();
        services.AddSingleton<IJobHandler, WorldExportJob>();
        // World enums go over the wire by the same snake_case names the world document uses (temperate_forest, city).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        return services;
    }

    /// <summary>Maps Forge's endpoints.</summary>
    public static IEndpointRouteBuilder MapForge(this IEndpointRouteBuilder routes)
    {
        routes.MapWorldsApi();
        routes.MapWorldHistoryApi();
        routes.MapWorldMapsApi();
        routes.MapBatchesApi();
        routes.MapExportsApi();
        routes.MapPacAiApi();
        return routes;
    }
}
