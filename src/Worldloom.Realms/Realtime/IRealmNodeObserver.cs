using Orleans.Concurrency;

namespace Worldloom.Realms.Realtime;

/// <summary>A server node holding game connections, as zone grains see it: one batch per node per tick.</summary>
public interface IRealmNodeObserver : IGrainObserver
{
    /// <summary>Hands each connection of the batch its frames, closes the kicked ones and reroutes the transferred.</summary>
    [OneWay]
    Task DeliverAsync(ZoneDelivery delivery);
}
