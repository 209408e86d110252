using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Admin;
using Worldloom.Chat.Direct;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Files;
using Worldloom.Chat.Invites;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.People;
using Worldloom.Chat.Reactions;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Chat.Search;

namespace Worldloom.Chat;

/// <summary>Wires the Chat slice: rooms, membership, messages with edit history, reactions, read markers and invites over REST.</summary>
public static class ChatExtensions
{
    /// <summary>Registers Chat's services. The database model is added by <see cref="ChatModel.Configure"/>.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton<MessageIds>();
        services.AddSingleton<IChatRelay, ChatRelay>();
        services.AddOptions<ChatRealtimeOptions>().BindConfiguration(ChatRealtimeOptions.Section);
        services.AddSingleton<ChatMessageStore>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatMessageStore>());
        services.AddSingleton<ChatNode>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatNode>());
        services.AddSingleton<UserBuckets>();
        services.AddSingleton<ChatFrames>();
        services.AddSingleton<ChatMetrics>();
        services.AddChatFiles();
        return services;
    }

    /// <summary>
    /// Serves plain HTTP/1.1 upgrades to chat's WebSocket at Kestrel's connection level, before HTTP, on every endpoint
    /// Kestrel listens on (<see cref="ChatUpgradeListener"/>); everything else reaches HTTP as before.
    /// </summary>
    public static WebApplicationBuilder AddChatUpgrades(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next =>
            new ChatUpgradeListener(next, listen.ApplicationServices, kestrel.Limits.RequestHeadersTimeout).OnConnectedAsync)));
        return builder;
    }

    /// <summary>Maps Chat's endpoints under <c>/api/chat</c>.</summary>
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder routes)
    {
        routes.MapRoomsApi();
        routes.MapMessagesApi();
        routes.MapReactionsApi();
        routes.MapInvitesApi();
        routes.MapChatSocket();
        routes.MapSearchApi();
        routes.MapMembersApi();
        routes.MapBansApi();
        routes.MapReportsApi();
        routes.MapChatAdminApi();
        routes.MapChatFiles();
        routes.MapDevicesApi();
        routes.MapRoomKeysApi();
        routes.MapDirectApi();
        routes.MapPeopleApi();
        return routes;
    }
}
