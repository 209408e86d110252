using System.Collections.Concurrent;
using Worldloom.Realms.Realtime;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Tests;

/// <summary>
/// Fails the hand-over of chosen characters a given number of times: before the target zone is called (it never heard
/// of the transfer), or after it took the character (its answer was lost).
/// </summary>
public sealed class FlakyHandOver : ZoneHandOver
{
    private readonly ConcurrentDictionary<Guid, int> _failures = new();
    private readonly ConcurrentDictionary<Guid, int> _lostAnswers = new();

    /// <summary>Hand-overs attempted, by character.</summary>
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();

    public void Fail(Guid characterId, int times) => _failures[characterId] = times;

    public void LoseAnswers(Guid characterId, int times) => _lostAnswers[characterId] = times;

    private readonly ConcurrentDictionary<Guid, Hold> _holds = new();
    private readonly ConcurrentDictionary<Guid, Hold> _joinHolds = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _handedOver = new();

    /// <summary>Holds the recording of the character's next crossing until <see cref="Hold.Release"/>.</summary>
    public Hold HoldRecording(Guid characterId) => _holds[characterId] = new Hold();

    /// <summary>Holds the character's next join after it read the record, until <see cref="Hold.Release"/>.</summary>
    public Hold HoldJoinRead(Guid characterId) => _joinHolds[characterId] = new Hold();

    public override Task JoinReadAsync(Guid characterId) => WaitAsync(_joinHolds, characterId);

    public override Task RecordingAsync(ZoneTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return WaitAsync(_holds, transfer.CharacterId);
    }

    private static async Task WaitAsync(ConcurrentDictionary<Guid, Hold> holds, Guid characterId)
    {
        if (holds.TryRemove(characterId, out var hold))
        {
            hold.Reached.TrySetResult();
            await hold.Released.Task;
        }
    }

    /// <summary>A held recording: reached once the zone waits in it, released by the test.</summary>
    public sealed class Hold
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }

    public override Task BeforeAsync(ZoneTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        Attempts.AddOrUpdate(transfer.CharacterId, 1, (_, n) => n + 1);
        return Once(_failures, transfer.CharacterId, "the target zone is unreachable (injected)");
    }

    public override async Task AfterAsync(ZoneTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        await Once(_lostAnswers, transfer.CharacterId, "the target zone's answer was lost (injected)");
        HandedOver(transfer.CharacterId).TrySetResult();
    }

    /// <summary>
    /// Completes when the character's target zone has taken it, from inside the source zone's turn that then ends its
    /// hand-over: anything the test lets the source zone do next runs after that turn.
    /// </summary>
    public Task HandedOverAsync(Guid characterId) => HandedOver(characterId).Task;

    private TaskCompletionSource HandedOver(Guid characterId) =>
        _handedOver.GetOrAdd(characterId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static Task Once(ConcurrentDictionary<Guid, int> counts, Guid characterId, string message) =>
        counts.TryGetValue(characterId, out var left) && left > 0 && counts.TryUpdate(characterId, left - 1, left)
            ? throw new InvalidOperationException(message)
            : Task.CompletedTask;
}
