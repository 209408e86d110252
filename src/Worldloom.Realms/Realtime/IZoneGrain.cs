using Orleans.Concurrency;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// One zone of one realm, keyed <c>"{realmId}/{x}/{y}"</c> (<see cref="ZoneGrainKey"/>): the authoritative 20 Hz
/// simulation of it, wherever in the cluster it is activated. Gateways forward their clients' inputs and acks here in
/// batches (<see cref="ZoneOutbox"/>: one message per zone per node per flush); the zone sends each node one batch of
/// per-connection frames per tick.
/// </summary>
public interface IZoneGrain : IGrainWithStringKey
{
    /// <summary>
    /// Puts a character into play on <paramref name="connectionId"/> of <paramref name="node"/>, or back into play
    /// when it is still here (a reconnect within the grace period resumes it where it was; an older connection of the
    /// same character is kicked). The caller checked that the user owns the character.
    /// </summary>
    Task<ZoneJoin> JoinAsync(IRealmNodeObserver node, Guid connectionId, Guid characterId, bool mayUseConsole);

    /// <summary>
    /// Inputs and acks of a node's clients, in the order each connection sent them. An input is queued for the
    /// simulation (its anti-cheat rules apply as to any input); an ack makes later snapshots deltas against that tick.
    /// Items of a connection that no longer plays the character (replaced, transferred away) are ignored.
    /// </summary>
    [OneWay]
    Task ReceiveAsync(ZoneClientBatch batch);

    /// <summary>Runs a dev console line for the character (refused when it joined without the right to).</summary>
    Task<ZoneConsoleReply> ConsoleAsync(Guid connectionId, Guid characterId, string line);

    /// <summary>The connection closed: the character stays in the zone for the reconnect grace, then is saved and removed.</summary>
    Task DetachAsync(Guid connectionId, Guid characterId);

    /// <summary>
    /// Takes over a character crossing in from a neighbouring zone; idempotent by the transfer id (a retry after an
    /// interruption does not add it twice). The record is read from the database, where the source wrote it.
    /// </summary>
    Task<ZoneJoin> TransferInAsync(Guid transferId, IRealmNodeObserver? node, Guid connectionId, bool mayUseConsole);

    /// <summary>How the zone is doing.</summary>
    Task<ZoneStatus> StatusAsync();

    /// <summary>Writes a checkpoint (and every character's place) now.</summary>
    Task CheckpointAsync();

    /// <summary>Checkpoints and deactivates; the next call activates it again from the checkpoint (operators, tests).</summary>
    Task DeactivateAsync();
}
