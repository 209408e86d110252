using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>One entity's fields on the wire, whole or as the changes from a baseline; also a snapshot's positions
/// and events. Values are already quantized (<see cref="Quantizer"/>) when written, and come back so when read.</summary>
internal static class EntityCodec
{
    private const int SmallStepLimit = 1 << (SnapshotFormat.StepBits - 1);

    public static EntityFields Changes(in EntityState was, in EntityState now)
    {
        var mask = EntityFields.None;
        if (was.Position != now.Position) mask |= EntityFields.Position;
        if (was.Facing != now.Facing) mask |= EntityFields.Facing;
        if (was.Hp != now.Hp) mask |= EntityFields.Hp;
        if (was.MaxHp != now.MaxHp) mask |= EntityFields.MaxHp;
        if (was.Mana != now.Mana) mask |= EntityFields.Mana;
        if (was.MaxMana != now.MaxMana) mask |= EntityFields.MaxMana;
        if (was.Activity != now.Activity) mask |= EntityFields.Activity;
        if (was.ActivityTicks != now.ActivityTicks) mask |= EntityFields.ActivityTicks;
        if (!SameGeometry(was.Telegraph, now.Telegraph)) mask |= EntityFields.Telegraph;
        if (was.Telegraph.TicksLeft != now.Telegraph.TicksLeft) mask |= EntityFields.TelegraphTicks;
        if (was.Flags != now.Flags) mask |= EntityFields.Flags;
        if (was.Target != now.Target) mask |= EntityFields.Target;
        if (was.Kind != now.Kind || was.Archetype != now.Archetype) mask |= EntityFields.Identity;
        return mask;
    }

    /// <summary>Whether two telegraphs differ only in the ticks left (field by field: this runs for every visible
    /// entity of every client each tick, and comparing copies made with <c>with</c> cost more than the rest of
    /// <see cref="Changes"/>).</summary>
    private static bool SameGeometry(in Telegraph a, in Telegraph b) =>
        a.Shape == b.Shape && a.Centre.X == b.Centre.X && a.Centre.Y == b.Centre.Y && a.Radius == b.Radius && a.Angle == b.Angle && a.Width == b.Width;

    /// <summary>The bits <see cref="WriteWhole"/> writes for <paramref name="e"/> (quantized), counted without writing:
    /// the budget sizes many candidates per client each tick and takes few of them.</summary>
    public static int WholeBits(in EntityState e)
    {
        var bits = SnapshotFormat.KindBits + BitWriter.VarUIntBits(e.Archetype) + (2 * Quantizer.PositionBits) + Quantizer.AngleBits
            + VarIntBits(e.Hp) + VarIntBits(e.MaxHp) + VarIntBits(e.Mana) + VarIntBits(e.MaxMana)
            + SnapshotFormat.ActivityBits + BitWriter.VarUIntBits((uint)e.ActivityTicks) + TelegraphShapeBits(e.Telegraph)
            + SnapshotFormat.FlagBits + BitWriter.VarUIntBits(e.Target);
        if (e.Telegraph.Shape != TelegraphShape.None)
        {
            bits += BitWriter.VarUIntBits((uint)e.Telegraph.TicksLeft);
        }

        return bits;
    }

    /// <summary>The bits <see cref="WriteChanges"/> writes for these arguments, counted without writing.</summary>
    public static int ChangesBits(in EntityState was, in EntityState now, EntityFields mask)
    {
        var bits = (mask & ~EntityFields.Motion) == 0 ? 3 : 1 + SnapshotFormat.MaskBits;
        if ((mask & EntityFields.Position) != 0)
        {
            var dx = (now.Position.X - was.Position.X) / Quantizer.PositionStep;
            var dy = (now.Position.Y - was.Position.Y) / Quantizer.PositionStep;
            var small = dx is >= -SmallStepLimit and < SmallStepLimit && dy is >= -SmallStepLimit and < SmallStepLimit;
            bits += 1 + (small ? 2 * SnapshotFormat.StepBits : 2 * Quantizer.PositionBits);
        }

        if ((mask & EntityFields.Facing) != 0) bits += Quantizer.AngleBits;
        if ((mask & EntityFields.Hp) != 0) bits += VarIntBits(now.Hp);
        if ((mask & EntityFields.MaxHp) != 0) bits += VarIntBits(now.MaxHp);
        if ((mask & EntityFields.Mana) != 0) bits += VarIntBits(now.Mana);
        if ((mask & EntityFields.MaxMana) != 0) bits += VarIntBits(now.MaxMana);
        if ((mask & EntityFields.Activity) != 0) bits += SnapshotFormat.ActivityBits;
        if ((mask & EntityFields.ActivityTicks) != 0) bits += BitWriter.VarUIntBits((uint)now.ActivityTicks);
        if ((mask & EntityFields.Telegraph) != 0) bits += TelegraphShapeBits(now.Telegraph);
        if ((mask & EntityFields.TelegraphTicks) != 0) bits += BitWriter.VarUIntBits((uint)now.Telegraph.TicksLeft);
        if ((mask & EntityFields.Flags) != 0) bits += SnapshotFormat.FlagBits;
        if ((mask & EntityFields.Target) != 0) bits += BitWriter.VarUIntBits(now.Target);
        if ((mask & EntityFields.Identity) != 0) bits += SnapshotFormat.KindBits + BitWriter.VarUIntBits(now.Archetype);
        return bits;
    }

    /// <summary>The bits <see cref="WriteEvent"/> writes for <paramref name="e"/> (quantized), counted without writing.</summary>
    public static int EventBits(in ZoneEvent e) =>
        SnapshotFormat.EventKindBits + BitWriter.VarUIntBits(e.Source) + BitWriter.VarUIntBits(e.Target) + VarIntBits(e.Amount)
        + (2 * Quantizer.PositionBits) + BitWriter.VarUIntBits(e.Skill);

    private static int VarIntBits(int value) => BitWriter.VarUIntBits((uint)((value << 1) ^ (value >> 31)));

    private static int TelegraphShapeBits(in Telegraph t) => t.Shape switch
    {
        TelegraphShape.None => SnapshotFormat.ShapeBits,
        TelegraphShape.Cone => SnapshotFormat.ShapeBits + (2 * Quantizer.PositionBits) + BitWriter.VarUIntBits((uint)(t.Radius / Quantizer.PositionStep)) + (2 * Quantizer.AngleBits),
        _ => SnapshotFormat.ShapeBits + (2 * Quantizer.PositionBits) + BitWriter.VarUIntBits((uint)(t.Radius / Quantizer.PositionStep)),
    };

    public static void WriteWhole(BitWriter w, in EntityState e)
    {
        w.Write((uint)e.Kind, SnapshotFormat.KindBits);
        w.WriteVarUInt(e.Archetype);
        WritePosition(w, e.Position);
        w.Write((uint)(e.Facing / Quantizer.AngleStep), Quantizer.AngleBits);
        w.WriteVarInt(e.Hp);
        w.WriteVarInt(e.MaxHp);
        w.WriteVarInt(e.Mana);
        w.WriteVarInt(e.MaxMana);
        w.Write((uint)e.Activity, SnapshotFormat.ActivityBits);
        w.WriteVarUInt((uint)e.ActivityTicks);
        WriteTelegraphShape(w, e.Telegraph);
        if (e.Telegraph.Shape != TelegraphShape.None)
        {
            w.WriteVarUInt((uint)e.Telegraph.TicksLeft);
        }

        w.Write((uint)e.Flags, SnapshotFormat.FlagBits);
        w.WriteVarUInt(e.Target);
    }

    public static EntityState ReadWhole(ref BitReader r, uint id)
    {
        var kind = ReadKind(ref r);
        var archetype = ReadArchetype(ref r);
        var position = ReadPosition(ref r, "entity.position");
        var facing = (int)r.Read(Quantizer.AngleBits, "entity.facing") * Quantizer.AngleStep;
        var hp = r.ReadVarInt("entity.hp");
        var maxHp = r.ReadVarInt("entity.max_hp");
        var mana = r.ReadVarInt("entity.mana");
        var maxMana = r.ReadVarInt("entity.max_mana");
        var activity = ReadActivity(ref r);
        var activityTicks = ReadCount(ref r, "entity.activity_ticks");
        var telegraph = ReadTelegraphShape(ref r);
        if (telegraph.Shape != TelegraphShape.None)
        {
            telegraph = telegraph with { TicksLeft = ReadCount(ref r, "entity.telegraph_ticks") };
        }

        var flags = (EntityFlags)r.Read(SnapshotFormat.FlagBits, "entity.flags");
        var target = r.ReadVarUInt("entity.target");
        return new EntityState(id, kind, archetype, position, facing, hp, maxHp, mana, maxMana, activity, activityTicks, telegraph, flags, target);
    }

    public static void WriteChanges(BitWriter w, in EntityState was, in EntityState now, EntityFields mask)
    {
        // Most changed entities only moved or turned: a 3-bit mask instead of 13 bits.
        if ((mask & ~EntityFields.Motion) == 0)
        {
            w.Write(true);
            w.Write((uint)mask, 2);
        }
        else
        {
            w.Write(false);
            w.Write((uint)mask, SnapshotFormat.MaskBits);
        }

        if ((mask & EntityFields.Position) != 0)
        {
            var dx = (now.Position.X - was.Position.X) / Quantizer.PositionStep;
            var dy = (now.Position.Y - was.Position.Y) / Quantizer.PositionStep;
            if (dx is >= -SmallStepLimit and < SmallStepLimit && dy is >= -SmallStepLimit and < SmallStepLimit)
            {
                w.Write(true);
                w.Write((uint)dx & ((1u << SnapshotFormat.StepBits) - 1), SnapshotFormat.StepBits);
                w.Write((uint)dy & ((1u << SnapshotFormat.StepBits) - 1), SnapshotFormat.StepBits);
            }
            else
            {
                w.Write(false);
                WritePosition(w, now.Position);
            }
        }

        if ((mask & EntityFields.Facing) != 0) w.Write((uint)(now.Facing / Quantizer.AngleStep), Quantizer.AngleBits);
        if ((mask & EntityFields.Hp) != 0) w.WriteVarInt(now.Hp);
        if ((mask & EntityFields.MaxHp) != 0) w.WriteVarInt(now.MaxHp);
        if ((mask & EntityFields.Mana) != 0) w.WriteVarInt(now.Mana);
        if ((mask & EntityFields.MaxMana) != 0) w.WriteVarInt(now.MaxMana);
        if ((mask & EntityFields.Activity) != 0) w.Write((uint)now.Activity, SnapshotFormat.ActivityBits);
        if ((mask & EntityFields.ActivityTicks) != 0) w.WriteVarUInt((uint)now.ActivityTicks);
        if ((mask & EntityFields.Telegraph) != 0) WriteTelegraphShape(w, now.Telegraph);
        if ((mask & EntityFields.TelegraphTicks) != 0) w.WriteVarUInt((uint)now.Telegraph.TicksLeft);
        if ((mask & EntityFields.Flags) != 0) w.Write((uint)now.Flags, SnapshotFormat.FlagBits);
        if ((mask & EntityFields.Target) != 0) w.WriteVarUInt(now.Target);
        if ((mask & EntityFields.Identity) != 0)
        {
            w.Write((uint)now.Kind, SnapshotFormat.KindBits);
            w.WriteVarUInt(now.Archetype);
        }
    }

    public static EntityState ReadChanges(ref BitReader r, in EntityState was)
    {
        var mask = r.ReadBool("entity.mask")
            ? (EntityFields)r.Read(2, "entity.mask")
            : (EntityFields)r.Read(SnapshotFormat.MaskBits, "entity.mask");
        if (!r.Failed && mask == EntityFields.None)
        {
            r.OutOfRange("entity.mask", "a changed field", 0);
        }

        var e = was;
        if ((mask & EntityFields.Position) != 0)
        {
            if (r.ReadBool("entity.position"))
            {
                var dx = SignExtend(r.Read(SnapshotFormat.StepBits, "entity.position"));
                var dy = SignExtend(r.Read(SnapshotFormat.StepBits, "entity.position"));
                var x = (was.Position.X / Quantizer.PositionStep) + dx;
                var y = (was.Position.Y / Quantizer.PositionStep) + dy;
                if (x is < 0 or > Quantizer.MaxPositionSteps || y is < 0 or > Quantizer.MaxPositionSteps)
                {
                    r.OutOfRange("entity.position", $"within 0..{Quantizer.MaxPositionSteps} steps after the step", Math.Min(x, y) < 0 ? Math.Min(x, y) : Math.Max(x, y));
                }

                e = e with { Position = new Vec(x * Quantizer.PositionStep, y * Quantizer.PositionStep) };
            }
            else
            {
                e = e with { Position = ReadPosition(ref r, "entity.position") };
            }
        }

        if ((mask & EntityFields.Facing) != 0) e = e with { Facing = (int)r.Read(Quantizer.AngleBits, "entity.facing") * Quantizer.AngleStep };
        if ((mask & EntityFields.Hp) != 0) e = e with { Hp = r.ReadVarInt("entity.hp") };
        if ((mask & EntityFields.MaxHp) != 0) e = e with { MaxHp = r.ReadVarInt("entity.max_hp") };
        if ((mask & EntityFields.Mana) != 0) e = e with { Mana = r.ReadVarInt("entity.mana") };
        if ((mask & EntityFields.MaxMana) != 0) e = e with { MaxMana = r.ReadVarInt("entity.max_mana") };
        if ((mask & EntityFields.Activity) != 0) e = e with { Activity = ReadActivity(ref r) };
        if ((mask & EntityFields.ActivityTicks) != 0) e = e with { ActivityTicks = ReadCount(ref r, "entity.activity_ticks") };
        if ((mask & EntityFields.Telegraph) != 0) e = e with { Telegraph = ReadTelegraphShape(ref r) with { TicksLeft = e.Telegraph.TicksLeft } };
        if ((mask & EntityFields.TelegraphTicks) != 0) e = e with { Telegraph = e.Telegraph with { TicksLeft = ReadCount(ref r, "entity.telegraph_ticks") } };
        if ((mask & EntityFields.Flags) != 0) e = e with { Flags = (EntityFlags)r.Read(SnapshotFormat.FlagBits, "entity.flags") };
        if ((mask & EntityFields.Target) != 0) e = e with { Target = r.ReadVarUInt("entity.target") };
        if ((mask & EntityFields.Identity) != 0) e = e with { Kind = ReadKind(ref r), Archetype = ReadArchetype(ref r) };
        if (!r.Failed && e.Telegraph.Shape == TelegraphShape.None && e.Telegraph.TicksLeft != 0)
        {
            r.OutOfRange("entity.telegraph_ticks", "0 without a telegraph", e.Telegraph.TicksLeft);
        }

        return e;
    }

    public static void WritePosition(BitWriter w, Vec position)
    {
        w.Write((uint)(position.X / Quantizer.PositionStep), Quantizer.PositionBits);
        w.Write((uint)(position.Y / Quantizer.PositionStep), Quantizer.PositionBits);
    }

    public static Vec ReadPosition(ref BitReader r, string field)
    {
        var x = (int)r.Read(Quantizer.PositionBits, field) * Quantizer.PositionStep;
        return new Vec(x, (int)r.Read(Quantizer.PositionBits, field) * Quantizer.PositionStep);
    }

    public static void WriteEvent(BitWriter w, in ZoneEvent e)
    {
        w.Write((uint)e.Kind, SnapshotFormat.EventKindBits);
        w.WriteVarUInt(e.Source);
        w.WriteVarUInt(e.Target);
        w.WriteVarInt(e.Amount);
        WritePosition(w, e.Position);
        w.WriteVarUInt(e.Skill);
    }

    public static ZoneEvent ReadEvent(ref BitReader r)
    {
        var kind = r.Read(SnapshotFormat.EventKindBits, "event.kind");
        if (!r.Failed && kind > (uint)ZoneEventKind.Knockback)
        {
            r.OutOfRange("event.kind", $"0..{(int)ZoneEventKind.Knockback}", kind);
        }

        var source = r.ReadVarUInt("event.source");
        var target = r.ReadVarUInt("event.target");
        var amount = r.ReadVarInt("event.amount");
        var position = ReadPosition(ref r, "event.position");
        var skill = r.ReadVarUInt("event.skill");
        if (!r.Failed && skill > ushort.MaxValue)
        {
            r.OutOfRange("event.skill", $"0..{ushort.MaxValue}", skill);
        }

        return new ZoneEvent((ZoneEventKind)kind, source, target, amount, position, (ushort)skill);
    }

    /// <summary>A count or tick number that must fit a non-negative int.</summary>
    public static int ReadCount(ref BitReader r, string field)
    {
        var value = r.ReadVarUInt(field);
        if (!r.Failed && value > int.MaxValue)
        {
            r.OutOfRange(field, $"0..{int.MaxValue}", value);
        }

        return (int)value;
    }

    private static void WriteTelegraphShape(BitWriter w, in Telegraph t)
    {
        w.Write((uint)t.Shape, SnapshotFormat.ShapeBits);
        if (t.Shape == TelegraphShape.None)
        {
            return;
        }

        WritePosition(w, t.Centre);
        w.WriteVarUInt((uint)(t.Radius / Quantizer.PositionStep));
        if (t.Shape == TelegraphShape.Cone)
        {
            w.Write((uint)(t.Angle / Quantizer.AngleStep), Quantizer.AngleBits);
            w.Write((uint)(t.Width / Quantizer.AngleStep), Quantizer.AngleBits);
        }
    }

    /// <summary>A telegraph's shape and geometry; its ticks left are 0 here and read separately.</summary>
    private static Telegraph ReadTelegraphShape(ref BitReader r)
    {
        var shape = r.Read(SnapshotFormat.ShapeBits, "entity.telegraph.shape");
        if (r.Failed || shape == (uint)TelegraphShape.None)
        {
            return Telegraph.None;
        }

        if (shape > (uint)TelegraphShape.Cone)
        {
            r.OutOfRange("entity.telegraph.shape", "0..2", shape);
            return Telegraph.None;
        }

        var centre = ReadPosition(ref r, "entity.telegraph.centre");
        var radius = r.ReadVarUInt("entity.telegraph.radius");
        if (!r.Failed && radius > Quantizer.MaxLengthSteps)
        {
            r.OutOfRange("entity.telegraph.radius", $"0..{Quantizer.MaxLengthSteps} steps", radius);
        }

        int angle = 0, width = 0;
        if (shape == (uint)TelegraphShape.Cone)
        {
            angle = (int)r.Read(Quantizer.AngleBits, "entity.telegraph.angle") * Quantizer.AngleStep;
            width = (int)r.Read(Quantizer.AngleBits, "entity.telegraph.width") * Quantizer.AngleStep;
        }

        return new Telegraph((TelegraphShape)shape, centre, (int)radius * Quantizer.PositionStep, angle, width, 0);
    }

    private static EntityKind ReadKind(ref BitReader r)
    {
        var kind = r.Read(SnapshotFormat.KindBits, "entity.kind");
        if (!r.Failed && kind > (uint)EntityKind.Projectile)
        {
            r.OutOfRange("entity.kind", "0..2", kind);
        }

        return (EntityKind)kind;
    }

    private static ushort ReadArchetype(ref BitReader r)
    {
        var archetype = r.ReadVarUInt("entity.archetype");
        if (!r.Failed && archetype > ushort.MaxValue)
        {
            r.OutOfRange("entity.archetype", $"0..{ushort.MaxValue}", archetype);
        }

        return (ushort)archetype;
    }

    private static EntityActivity ReadActivity(ref BitReader r)
    {
        var activity = r.Read(SnapshotFormat.ActivityBits, "entity.activity");
        if (!r.Failed && activity > (uint)EntityActivity.Return)
        {
            r.OutOfRange("entity.activity", $"0..{(int)EntityActivity.Return}", activity);
        }

        return (EntityActivity)activity;
    }

    private static int SignExtend(uint step) => (int)(step ^ SmallStepLimit) - SmallStepLimit;
}
