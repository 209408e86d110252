using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// The precision snapshots carry. Each method maps a value to the one the decoder will see (applying it twice changes
/// nothing), so the server and tests can say exactly what a client knows: positions to 1/16 tile, angles to 1/256 turn,
/// everything else exact.
/// </summary>
public static class Quantizer
{
    /// <summary>Sub-tiles per position step (1/16 tile).</summary>
    public const int PositionStep = 16;

    /// <summary>Bits per quantized coordinate: 4096 steps of 1/16 tile cover a zone of up to 256 tiles.</summary>
    public const int PositionBits = 12;

    /// <summary>Angle units (1/4096 turn) per quantized angle step.</summary>
    public const int AngleStep = 16;

    /// <summary>Bits per quantized angle.</summary>
    public const int AngleBits = 8;

    /// <summary>The largest quantized coordinate.</summary>
    public const int MaxPositionSteps = (1 << PositionBits) - 1;

    /// <summary>The flags a snapshot carries.</summary>
    public const EntityFlags KnownFlags = EntityFlags.Invulnerable | EntityFlags.God;

    /// <summary>A coordinate in 1/16 tile steps, rounded to nearest and clamped to the zone's 12-bit range.</summary>
    public static int PositionSteps(int subTiles) => (int)Math.Clamp(((long)subTiles + (PositionStep / 2)) >> 4, 0, MaxPositionSteps);

    /// <summary>An angle in 1/256 turn steps, rounded to nearest, wrapped into one turn.</summary>
    public static int AngleSteps(int angle) => (((angle & 4095) + (AngleStep / 2)) >> 4) & 0xff;

    /// <summary>A cone's width in 1/256 turn steps, rounded, clamped to 0..255 (a full turn reads back as 255/256).</summary>
    public static int WidthSteps(int width) => (int)Math.Clamp(((long)width + (AngleStep / 2)) >> 4, 0, 255);

    /// <summary>The largest length in steps: its sub-tiles still fit an int.</summary>
    public const int MaxLengthSteps = int.MaxValue / PositionStep;

    /// <summary>A length (telegraph radius) in 1/16 tile steps, rounded, clamped to 0..<see cref="MaxLengthSteps"/>.</summary>
    public static int LengthSteps(int subTiles) => (int)Math.Clamp(((long)subTiles + (PositionStep / 2)) >> 4, 0, MaxLengthSteps);

    /// <summary>A position as the decoder sees it.</summary>
    public static Vec Position(Vec position) => new(PositionSteps(position.X) * PositionStep, PositionSteps(position.Y) * PositionStep);

    /// <summary>An entity as the decoder sees it. Throws <see cref="ArgumentException"/> for a kind, activity, shape
    /// or flag the format cannot carry (a codec that lags the simulation, not bad input).</summary>
    public static EntityState Entity(EntityState e)
    {
        // Range checks rather than Enum.IsDefined: the encoder quantizes every visible entity of every client each
        // tick, and both enums are contiguous from 0 (a new value past the last one needs a new format version anyway).
        if (e.Kind > EntityKind.Projectile || e.Activity > EntityActivity.Return || (e.Flags & ~KnownFlags) != 0)
        {
            throw new ArgumentException($"entity {e.Id}: kind {e.Kind}, activity {e.Activity} or flags {e.Flags} has no encoding", nameof(e));
        }

        return e with
        {
            Position = Position(e.Position),
            Facing = AngleSteps(e.Facing) * AngleStep,
            ActivityTicks = Math.Max(0, e.ActivityTicks),
            // Most entities show none: no call for them (this runs for every visible entity of every client).
            Telegraph = e.Telegraph.Shape == TelegraphShape.None ? Entities.Telegraph.None : Telegraph(e.Telegraph),
        };
    }

    /// <summary>A telegraph as the decoder sees it: none is all zeros, a circle has no angle or width.</summary>
    public static Telegraph Telegraph(Telegraph t) => t.Shape switch
    {
        TelegraphShape.None => Entities.Telegraph.None,
        TelegraphShape.Circle => new(TelegraphShape.Circle, Position(t.Centre), LengthSteps(t.Radius) * PositionStep, 0, 0, Math.Max(0, t.TicksLeft)),
        TelegraphShape.Cone => new(TelegraphShape.Cone, Position(t.Centre), LengthSteps(t.Radius) * PositionStep, AngleSteps(t.Angle) * AngleStep, WidthSteps(t.Width) * AngleStep, Math.Max(0, t.TicksLeft)),
        _ => throw new ArgumentException($"telegraph shape {t.Shape} has no encoding", nameof(t)),
    };

    /// <summary>An event as the decoder sees it.</summary>
    public static ZoneEvent Event(ZoneEvent e) => e.Kind <= ZoneEventKind.Knockback
        ? e with { Position = Position(e.Position) }
        : throw new ArgumentException($"event kind {e.Kind} has no encoding", nameof(e));

    /// <summary>The client's own state as the decoder sees it (negative counters read as 0).</summary>
    public static OwnState Own(OwnState own) => own with
    {
        Cooldown1 = Math.Max(0, own.Cooldown1),
        Cooldown2 = Math.Max(0, own.Cooldown2),
        Cooldown3 = Math.Max(0, own.Cooldown3),
        RespawnTicks = Math.Max(0, own.RespawnTicks),
    };
}
