using System.Security.Cryptography;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>The canonical state bytes: checkpoints, restore and the state hash.</summary>
public sealed partial class ZoneSimulation
{
    private const uint Magic = 0x315A_5352; // "RSZ1" little-endian: realms zone state, format 1.
    private const int MaxEntities = 1 << 20;

    private readonly StateWriter _writer = new();

    /// <summary>SHA-256 of the canonical state: tick, random source, every entity with its hidden state (queues,
    /// cooldowns, AI), pending respawns and the not yet reported events and refusals. Equal hashes mean equal
    /// futures under equal inputs.</summary>
    public byte[] StateHash()
    {
        WriteState();
        return SHA256.HashData(_writer.Written);
    }

    /// <summary>The full state as versioned bytes; <see cref="Restore"/> with the same map and rules continues
    /// exactly where this zone is.</summary>
    public byte[] Checkpoint()
    {
        WriteState();
        return _writer.Written.ToArray();
    }

    /// <summary>A zone continuing from <paramref name="checkpoint"/>.</summary>
    /// <exception cref="FormatException">Not a checkpoint, or a damaged one.</exception>
    /// <exception cref="ArgumentException">The checkpoint was taken on another zone or under other rules.</exception>
    public static ZoneSimulation Restore(ZoneMap map, RealmRules rules, ReadOnlySpan<byte> checkpoint)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(rules);
        var r = new StateReader(checkpoint);
        if (r.U32() != Magic)
        {
            throw new FormatException("Not a zone checkpoint (or a format this version does not read).");
        }

        if (r.I32() != map.Key.X || r.I32() != map.Key.Y || r.I32() != map.Width || r.I32() != map.Height)
        {
            throw new ArgumentException("The checkpoint belongs to another zone.", nameof(map));
        }

        if (!r.Bytes(32).SequenceEqual(rules.Hash.ToArray()))
        {
            throw new ArgumentException("The checkpoint was taken under other rules.", nameof(rules));
        }

        var seed = r.Bytes(32);
        var epoch = r.U64();
        var sim = new ZoneSimulation(map, rules, new ZoneRandom(seed, epoch));
        sim.Tick = r.U32();
        sim._nextId = r.U32();
        for (var n = r.Count(MaxEntities); n > 0; n--)
        {
            var due = r.U32();
            var template = r.I32();
            if ((uint)template >= (uint)sim._templates.Count)
            {
                throw new FormatException("The checkpoint respawns an enemy the zone does not have.");
            }

            sim._respawns.Add((due, template));
        }

        for (var n = r.Count(MaxEntities); n > 0; n--)
        {
            sim.Insert(ReadEntity(ref r, sim));
        }

        for (var n = r.Count(MaxEntities); n > 0; n--)
        {
            sim._events.Add(new ZoneEvent((ZoneEventKind)r.Byte(), r.U32(), r.U32(), r.I32(), r.Vec(), (ushort)r.I32()));
        }

        for (var n = r.Count(MaxEntities); n > 0; n--)
        {
            sim._refusals.Add(new Refusal(r.Guid(), r.U32(), r.String()));
        }

        for (var n = r.Count(MaxEntities); n > 0; n--)
        {
            sim._kicks.Add(new Kick(r.Guid(), r.String()));
        }

        if (!r.AtEnd)
        {
            throw new FormatException("The checkpoint has bytes after its end.");
        }

        return sim;
    }

    private void WriteState()
    {
        var w = _writer;
        w.Reset();
        w.U32(Magic);
        w.I32(Map.Key.X);
        w.I32(Map.Key.Y);
        w.I32(Map.Width);
        w.I32(Map.Height);
        w.Bytes(Rules.Hash.ToArray());
        w.Bytes(_random.Seed);
        w.U64(_random.Epoch);
        w.U32(Tick);
        w.U32(_nextId);
        w.I32(_respawns.Count);
        foreach (var (due, template) in _respawns)
        {
            w.U32(due);
            w.I32(template);
        }

        w.I32(_entities.Count);
        foreach (var e in _entities)
        {
            WriteEntity(w, e);
        }

        w.I32(_events.Count);
        foreach (var ev in _events)
        {
            w.Byte((byte)ev.Kind);
            w.U32(ev.Source);
            w.U32(ev.Target);
            w.I32(ev.Amount);
            w.Vec(ev.Position);
            w.I32(ev.Skill);
        }

        w.I32(_refusals.Count);
        foreach (var refusal in _refusals)
        {
            w.Guid(refusal.CharacterId);
            w.U32(refusal.Sequence);
            w.String(refusal.Code);
        }

        w.I32(_kicks.Count);
        foreach (var kick in _kicks)
        {
            w.Guid(kick.CharacterId);
            w.String(kick.Reason);
        }
    }

    private static void WriteEntity(StateWriter w, Entity e)
    {
        w.U32(e.Id);
        w.Byte((byte)e.Kind);
        w.I32(e.Archetype);
        w.Vec(e.Position);
        w.I32(e.Facing);
        w.I32(e.Hp);
        w.I32(e.MaxHp);
        w.I32(e.Mana);
        w.I32(e.MaxMana);
        w.Byte((byte)e.Activity);
        w.I32(e.ActivityTicks);
        var t = e.Telegraph;
        w.Byte((byte)t.Shape);
        w.Vec(t.Centre);
        w.I32(t.Radius);
        w.I32(t.Angle);
        w.I32(t.Width);
        w.I32(t.TicksLeft);
        w.U32(e.Target);
        w.Bool(e.God);
        w.I32(e.InvulnerableTicks);
        switch (e.Kind)
        {
            case EntityKind.Player:
                w.Guid(e.CharacterId);
                w.I32(e.Level);
                w.String(e.ClassId);
                w.String(e.Inventory);
                w.U32(e.LastSequence);
                w.I32(e.MoveAngle);
                w.I32(e.Cooldowns.Length);
                foreach (var c in e.Cooldowns)
                {
                    w.I32(c);
                }

                w.I32(e.ManaRemainder);
                w.I32(e.CastSlot);
                w.Bool(e.Kicked);
                w.I32(e.Queue.Count);
                foreach (var input in e.Queue)
                {
                    w.U32(input.Sequence);
                    w.I32(input.MoveAngle);
                    w.Bool(input.Cast.HasValue);
                    var cast = input.Cast.GetValueOrDefault();
                    w.I32(cast.Slot);
                    w.U32(cast.Target);
                    w.Vec(cast.Point);
                }

                w.I32(e.RefusalTicks.Length);
                foreach (var tick in e.RefusalTicks)
                {
                    w.I32(tick);
                }

                w.I32(e.RefusalCount);
                break;
            case EntityKind.Enemy:
                w.I32(e.Species);
                w.I32(e.Template);
                w.Vec(e.Home);
                w.I32(e.Damage);
                w.I32(e.Defense);
                w.I32(e.Speed);
                w.I32(e.AggroRadius);
                break;
            default:
                w.U32(e.Owner);
                w.Vec(e.Point);
                break;
        }
    }

    private static Entity ReadEntity(ref StateReader r, ZoneSimulation sim)
    {
        var e = new Entity
        {
            Id = r.U32(),
            Kind = (EntityKind)r.Byte(),
            Archetype = (ushort)r.I32(),
            Position = r.Vec(),
            Facing = r.I32(),
            Hp = r.I32(),
            MaxHp = r.I32(),
            Mana = r.I32(),
            MaxMana = r.I32(),
            Activity = (EntityActivity)r.Byte(),
            ActivityTicks = r.I32(),
            Telegraph = new Telegraph((TelegraphShape)r.Byte(), r.Vec(), r.I32(), r.I32(), r.I32(), r.I32()),
            Target = r.U32(),
            God = r.Bool(),
            InvulnerableTicks = r.I32(),
        };
        // Ids must ascend: the entity list stays sorted by id, which every loop's order relies on.
        var previous = sim._entities.Count > 0 ? sim._entities[^1].Id : 0;
        if (e.Id <= previous || e.Id >= sim._nextId)
        {
            throw new FormatException($"The checkpoint holds a bad entity id {e.Id}.");
        }

        switch (e.Kind)
        {
            case EntityKind.Player:
                e.CharacterId = r.Guid();
                e.Level = r.I32();
                e.ClassId = r.String();
                e.Inventory = r.String();
                e.LastSequence = r.U32();
                e.MoveAngle = r.I32();
                e.Cooldowns = new int[r.Count(3)];
                for (var i = 0; i < e.Cooldowns.Length; i++)
                {
                    e.Cooldowns[i] = r.I32();
                }

                e.ManaRemainder = r.I32();
                e.CastSlot = r.I32();
                e.Kicked = r.Bool();
                for (var n = r.Count(sim.Rules.MaxQueuedInputs); n > 0; n--)
                {
                    var sequence = r.U32();
                    var angle = r.I32();
                    var hasCast = r.Bool();
                    var cast = new SkillCast(r.I32(), r.U32(), r.Vec());
                    e.Queue.Add(new PlayerInput(sequence, angle, hasCast ? cast : null));
                }

                e.RefusalTicks = new int[r.Count(MaxEntities)];
                for (var i = 0; i < e.RefusalTicks.Length; i++)
                {
                    e.RefusalTicks[i] = r.I32();
                }

                e.RefusalCount = r.I32();
                if (sim.Rules.ClassIndex(e.ClassId) != e.Archetype
                    || e.Cooldowns.Length != sim.Rules.Classes[e.Archetype].Skills.Count
                    || (uint)e.CastSlot > (uint)e.Cooldowns.Length
                    || e.RefusalTicks.Length != sim.Rules.KickAfterRefusals + 1)
                {
                    throw new FormatException($"The checkpoint's player {e.Id} does not fit the rules.");
                }

                break;
            case EntityKind.Enemy:
                e.Species = r.I32();
                e.Template = r.I32();
                e.Home = r.Vec();
                e.Damage = r.I32();
                e.Defense = r.I32();
                e.Speed = r.I32();
                e.AggroRadius = r.I32();
                if (e.Archetype >= sim.Rules.Archetypes.Count || e.Species >= sim.Map.Species.Count || e.Template >= sim._templates.Count)
                {
                    throw new FormatException($"The checkpoint's enemy {e.Id} does not fit the zone.");
                }

                break;
            case EntityKind.Projectile:
                e.Owner = r.U32();
                e.Point = r.Vec();
                if (e.Archetype >= sim.Rules.Skills.Count)
                {
                    throw new FormatException($"The checkpoint's projectile {e.Id} does not fit the rules.");
                }

                break;
            default:
                throw new FormatException($"The checkpoint holds an entity of unknown kind {(byte)e.Kind}.");
        }

        return e;
    }
}
