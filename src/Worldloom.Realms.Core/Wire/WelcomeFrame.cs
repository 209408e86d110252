namespace Worldloom.Realms.Core.Wire;

/// <summary>The client joined (or was transferred): which entity it controls, where, and the zone's clock.</summary>
/// <param name="EntityId">The client's entity.</param>
/// <param name="RealmId">The realm.</param>
/// <param name="ZoneX">The zone's column.</param>
/// <param name="ZoneY">The zone's row.</param>
/// <param name="Tick">The zone's tick now.</param>
/// <param name="TicksPerSecond">The zone's tick rate.</param>
public sealed record WelcomeFrame(uint EntityId, Guid RealmId, byte ZoneX, byte ZoneY, uint Tick, byte TicksPerSecond) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Welcome;
}
