using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Cli.Bench;

/// <summary>
/// One scripted player of <c>loom bench realms-sim</c> and its connection's server side: it walks, turning now and
/// then and away from the zone's edges, and casts at the nearest enemy it can see when the skill is ready (as a
/// client would, from what its snapshots show); the server side is its snapshot encoder and the acks on their way.
/// </summary>
internal sealed class RealmsBot(Guid character, uint entity, SnapshotEncoder encoder)
{
    private const int EdgeTiles = 4;
    private const int BackoffTicks = 20;

    private readonly Queue<(uint Due, uint Tick)> _acks = new();
    private uint _sequence;
    private int _angle = -1;
    private int _backoff;

    public Guid Character { get; } = character;

    public uint Entity { get; set; } = entity;

    public SnapshotEncoder Encoder { get; set; } = encoder;

    /// <summary>Downlink bytes over the measured ticks (payload, frame type byte and WebSocket header).</summary>
    public long Bytes { get; set; }

    public int Casts { get; private set; }

    /// <summary>The own state and the entities of the last snapshot (what the client would draw and aim from).</summary>
    public OwnState Own { get; set; }

    public List<EntityState> Seen { get; } = [];

    /// <summary>The last snapshot's payload length.</summary>
    public int Length { get; set; }

    public void Saw(List<EntityState> visible)
    {
        Seen.Clear();
        Seen.AddRange(visible);
    }

    /// <summary>Acks that have arrived by <paramref name="tick"/> reach the encoder.</summary>
    public void DeliverAcks(uint tick)
    {
        while (_acks.Count > 0 && _acks.Peek().Due <= tick)
        {
            Encoder.Acknowledge(_acks.Dequeue().Tick);
        }
    }

    /// <summary>The client decodes the snapshot of <paramref name="tick"/> and acks it, unless it or the ack is lost.</summary>
    public void Received(uint tick, int rttTicks, int lossPercent, ChaChaRng rng)
    {
        if (rng.NextInt(100) >= lossPercent)
        {
            _acks.Enqueue((tick + (uint)rttTicks, tick));
        }
    }

    /// <summary>A refused input: a real client would show it and wait; the bot waits a second before casting again
    /// (refusals in a row get a player kicked).</summary>
    public void Refused() => _backoff = BackoffTicks;

    /// <summary>The next input, from what the last snapshot showed.</summary>
    public PlayerInput Next(ZoneMap map, RealmRules rules, ChaChaRng rng)
    {
        var visible = Seen;
        var own = Own;
        _sequence++;
        EntityState? self = null;
        foreach (var e in visible)
        {
            if (e.Id == Entity)
            {
                self = e;
            }
        }

        if (self is not { } me)
        {
            return new PlayerInput(_sequence, _angle, null);
        }

        if (_angle < 0 || rng.NextInt(40) == 0)
        {
            _angle = rng.NextInt(10) == 0 ? -1 : rng.NextInt(4096);
        }

        var tx = me.Position.X >> SubTiles.Shift;
        var ty = me.Position.Y >> SubTiles.Shift;
        if (tx < EdgeTiles || ty < EdgeTiles || tx >= map.Width - EdgeTiles || ty >= map.Height - EdgeTiles)
        {
            // Towards the middle: the bench keeps each zone's population (a real exit would move the player on).
            _angle = Angles.Of((map.WidthSubTiles / 2) - me.Position.X, (map.HeightSubTiles / 2) - me.Position.Y);
        }

        if (_backoff > 0)
        {
            _backoff--;
            return new PlayerInput(_sequence, _angle, null);
        }

        return new PlayerInput(_sequence, _angle, Cast(visible, me, own, rules));
    }

    private SkillCast? Cast(List<EntityState> visible, EntityState me, OwnState own, RealmRules rules)
    {
        if (me.Hp <= 0)
        {
            return null;
        }

        EntityState? nearest = null;
        long best = long.MaxValue;
        foreach (var e in visible)
        {
            if (e.Kind != EntityKind.Enemy || e.Hp <= 0)
            {
                continue;
            }

            var d = (e.Position - me.Position).LengthSquared;
            if (d < best)
            {
                best = d;
                nearest = e;
            }
        }

        var slots = rules.Classes[rules.ClassIndex("mage")].Skills;
        for (var slot = 1; slot <= slots.Count; slot++)
        {
            var skill = rules.Skills[slots[slot - 1]];
            var cooldown = slot switch { 1 => own.Cooldown1, 2 => own.Cooldown2, _ => own.Cooldown3 };
            if (cooldown > 0 || me.Mana < skill.Mana)
            {
                continue;
            }

            var cast = skill.Kind switch
            {
                SkillKind.Projectile when nearest is { } n && best <= (long)skill.Range * skill.Range => new SkillCast(slot, n.Id, n.Position),
                SkillKind.Nova when nearest is not null && best <= (long)skill.Radius * skill.Radius => new SkillCast(slot, 0, me.Position),
                SkillKind.Heal when me.Hp < me.MaxHp / 2 => new SkillCast(slot, 0, me.Position),
                _ => (SkillCast?)null,
            };
            if (cast is not null)
            {
                Casts++;
                return cast;
            }
        }

        return null;
    }
}
