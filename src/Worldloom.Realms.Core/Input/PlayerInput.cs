namespace Worldloom.Realms.Core.Input;

/// <summary>
/// One tick's intent from a client. The server applies inputs in sequence order, at most one per player per tick
/// (later ones wait for the next tick), and checks every cast (cooldown, mana, range, line of sight) and every move
/// (maximum speed, walkability); a refused input is reported back with its sequence number.
/// </summary>
/// <param name="Sequence">Increases by one per input a client sends; the client's prediction is reconciled against
/// the last sequence the server applied. A sequence at or below the last applied one is a replay and is dropped.</param>
/// <param name="MoveAngle">Walking direction (0..4095 per turn, 0 = east, y grows south), or <see cref="Stop"/>.</param>
/// <param name="Cast">A skill to cast this tick, or null.</param>
public readonly record struct PlayerInput(uint Sequence, int MoveAngle, SkillCast? Cast)
{
    /// <summary>The move angle that means "stand still".</summary>
    public const int Stop = -1;
}
