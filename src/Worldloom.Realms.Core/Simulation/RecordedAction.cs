using Worldloom.Realms.Core.Input;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>One call made on a recorded zone between two steps.</summary>
/// <param name="Tick">The zone's <see cref="ZoneSimulation.Tick"/> when the call was made (before the next step).</param>
/// <param name="CharacterId">The character concerned.</param>
/// <param name="Join">For <see cref="ZoneSimulation.AddPlayer"/>: the character that joined; otherwise null.</param>
/// <param name="Leave">True for <see cref="ZoneSimulation.RemovePlayer"/>.</param>
/// <param name="Input">For <see cref="ZoneSimulation.Submit"/>: the input; otherwise null.</param>
/// <param name="Command">For <see cref="ZoneSimulation.Command"/>: the command; otherwise null.</param>
/// <param name="RestartSequence">True for <see cref="ZoneSimulation.RestartSequence"/>.</param>
public sealed record RecordedAction(
    uint Tick, Guid CharacterId, CharacterState? Join, bool Leave, PlayerInput? Input, ConsoleCommand? Command, bool RestartSequence = false);
