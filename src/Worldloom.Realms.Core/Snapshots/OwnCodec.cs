namespace Worldloom.Realms.Core.Snapshots;

/// <summary>The client's own state on the wire: whole in a full snapshot; in a delta a 6-bit mask of the fields that
/// changed since the baseline, the last sequence as a signed step (it grows by about one a tick).</summary>
internal static class OwnCodec
{
    private const int MaskBits = 6;

    public static void Write(BitWriter w, OwnState own, OwnState? baseline)
    {
        if (baseline is not { } was)
        {
            w.WriteVarUInt(own.EntityId);
            w.WriteVarUInt(own.LastSequence);
            w.WriteVarUInt((uint)own.Cooldown1);
            w.WriteVarUInt((uint)own.Cooldown2);
            w.WriteVarUInt((uint)own.Cooldown3);
            w.WriteVarUInt((uint)own.RespawnTicks);
            return;
        }

        var mask = (own.EntityId != was.EntityId ? 1u : 0)
            | (own.LastSequence != was.LastSequence ? 2u : 0)
            | (own.Cooldown1 != was.Cooldown1 ? 4u : 0)
            | (own.Cooldown2 != was.Cooldown2 ? 8u : 0)
            | (own.Cooldown3 != was.Cooldown3 ? 16u : 0)
            | (own.RespawnTicks != was.RespawnTicks ? 32u : 0);
        w.Write(mask, MaskBits);
        if ((mask & 1) != 0) w.WriteVarUInt(own.EntityId);
        if ((mask & 2) != 0) w.WriteVarInt((int)(own.LastSequence - was.LastSequence));
        if ((mask & 4) != 0) w.WriteVarUInt((uint)own.Cooldown1);
        if ((mask & 8) != 0) w.WriteVarUInt((uint)own.Cooldown2);
        if ((mask & 16) != 0) w.WriteVarUInt((uint)own.Cooldown3);
        if ((mask & 32) != 0) w.WriteVarUInt((uint)own.RespawnTicks);
    }

    public static OwnState Read(ref BitReader r, OwnState? baseline)
    {
        if (baseline is not { } was)
        {
            return new OwnState(
                r.ReadVarUInt("own.entity_id"),
                r.ReadVarUInt("own.last_sequence"),
                EntityCodec.ReadCount(ref r, "own.cooldown1"),
                EntityCodec.ReadCount(ref r, "own.cooldown2"),
                EntityCodec.ReadCount(ref r, "own.cooldown3"),
                EntityCodec.ReadCount(ref r, "own.respawn_ticks"));
        }

        var mask = r.Read(MaskBits, "own.mask");
        var own = was;
        if ((mask & 1) != 0) own = own with { EntityId = r.ReadVarUInt("own.entity_id") };
        if ((mask & 2) != 0) own = own with { LastSequence = was.LastSequence + (uint)r.ReadVarInt("own.last_sequence") };
        if ((mask & 4) != 0) own = own with { Cooldown1 = EntityCodec.ReadCount(ref r, "own.cooldown1") };
        if ((mask & 8) != 0) own = own with { Cooldown2 = EntityCodec.ReadCount(ref r, "own.cooldown2") };
        if ((mask & 16) != 0) own = own with { Cooldown3 = EntityCodec.ReadCount(ref r, "own.cooldown3") };
        if ((mask & 32) != 0) own = own with { RespawnTicks = EntityCodec.ReadCount(ref r, "own.respawn_ticks") };
        return own;
    }
}
