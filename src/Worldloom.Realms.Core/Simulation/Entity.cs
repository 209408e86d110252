using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>The simulation's own record of one entity: what clients see (<see cref="ToState"/>) plus cooldowns, AI
/// state and input queues. Mutable, owned by one <see cref="ZoneSimulation"/>; fields rather than properties because
/// the tick loop touches them thousands of times.</summary>
internal sealed class Entity
{
    public uint Id;
    public EntityKind Kind;
    public ushort Archetype;
    public Vec Position;
    public int Facing;
    public int Hp;
    public int MaxHp;
    public int Mana;
    public int MaxMana;
    public EntityActivity Activity;
    public int ActivityTicks;
    public Telegraph Telegraph;
    public uint Target;
    public bool Removed;

    // Players.
    public Guid CharacterId;
    public int Level;
    public string ClassId = string.Empty;
    public string Inventory = string.Empty;
    public uint LastSequence;
    public int MoveAngle = PlayerInput.Stop;
    public int[] Cooldowns = [];
    public int ManaRemainder;
    public int InvulnerableTicks;
    public bool God;
    public int CastSlot;
    public bool Kicked;
    public List<PlayerInput> Queue = [];
    public int[] RefusalTicks = [];
    public int RefusalCount;

    // Enemies.
    public int Species = -1;
    public int Template = -1;
    public Vec Home;
    public int Damage;
    public int Defense;
    public int Speed;
    public int AggroRadius;

    // Projectiles.
    public uint Owner;
    public Vec Point;

    public bool IsAlive => !Removed && Activity != EntityActivity.Dead;

    public EntityFlags Flags =>
        (InvulnerableTicks > 0 ? EntityFlags.Invulnerable : EntityFlags.None) | (God ? EntityFlags.God : EntityFlags.None);

    public EntityState ToState() =>
        new(Id, Kind, Archetype, Position, Facing, Hp, MaxHp, Mana, MaxMana, Activity, ActivityTicks, Telegraph, Flags, Target);
}
