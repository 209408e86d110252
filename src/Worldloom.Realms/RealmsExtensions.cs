using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Realms;
using Worldloom.Realms.Realtime;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms;

/// <summary>Wires the Realms slice: realms on Forge worlds, characters, zone maps, zone grains and the game socket.</summary>
public static class RealmsExtensions
{
    /// <summary>Registers Realms' services. The database model is added by <see cref="RealmsModel.Configure"/>.</summary>
    public static IServiceCollection AddRealms(this IServiceCollection services)
    {
        services.AddSingleton<ZoneMaps>();
        services.AddSingleton<ZoneStore>();
        services.TryAddSingleton<ZoneHandOver>();
        services.AddOptions<RealmsRealtimeOptions>().BindConfiguration(RealmsRealtimeOptions.Section)
            .Validate(o => o.ZoneFlushDelay >= TimeSpan.Zero && o.ZoneFlushDelay <= ZoneSimulation.TickPeriod,
                $"{RealmsRealtimeOptions.Section}:ZoneFlushDelay must be from 0 to a tick ({ZoneSimulation.TickPeriod.TotalMilliseconds} ms).")
            .ValidateOnStart();
        services.AddSingleton<RealmNode>();
        services.AddSingleton<ZoneOutbox>();
        services.AddSingleton<RealmGateway>();
        return services;
    }

    /// <summary>Maps Realms' endpoints under <c>/api/realms</c>.</summary>
    public static IEndpointRouteBuilder MapRealms(this IEndpointRouteBuilder routes)
    {
        routes.MapRealmsApi();
        routes.MapCharactersApi();
        routes.MapRealmSocket();
        return routes;
    }
}
