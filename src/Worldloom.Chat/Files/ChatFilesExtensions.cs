using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Blobs;

namespace Worldloom.Chat.Files;

/// <summary>Wires files into Chat: called from <see cref="ChatExtensions"/>, so the shared file changes by one line each.</summary>
public static class ChatFilesExtensions
{
    /// <summary>Binds <see cref="ChatFileOptions"/> from <c>Loom:Chat</c> and starts the sweeper.</summary>
    public static IServiceCollection AddChatFiles(this IServiceCollection services)
    {
        services.AddOptions<ChatFileOptions>().BindConfiguration("Loom:Chat");
        services.AddSingleton<ChatFileSweeper>();
        services.AddBlobColumn<ChatFileChunk>(c => c.Sha256);
        services.AddHostedService(sp => sp.GetRequiredService<ChatFileSweeper>());
        return services;
    }

    /// <summary>Maps the file and chunk endpoints.</summary>
    public static IEndpointRouteBuilder MapChatFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapFilesApi();
        routes.MapFileChunksApi();
        return routes;
    }
}
