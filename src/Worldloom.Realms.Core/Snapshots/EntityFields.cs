namespace Worldloom.Realms.Core.Snapshots;

/// <summary>The field groups of an entity a delta marks as changed (bit n of the 13-bit mask is field n).</summary>
[Flags]
public enum EntityFields : ushort
{
    /// <summary>Nothing changed.</summary>
    None = 0,

    /// <summary>Position (a small step relative to the baseline, or absolute).</summary>
    Position = 1 << 0,

    /// <summary>Facing.</summary>
    Facing = 1 << 1,

    /// <summary>Hit points.</summary>
    Hp = 1 << 2,

    /// <summary>Maximum hit points.</summary>
    MaxHp = 1 << 3,

    /// <summary>Mana.</summary>
    Mana = 1 << 4,

    /// <summary>Maximum mana.</summary>
    MaxMana = 1 << 5,

    /// <summary>Activity.</summary>
    Activity = 1 << 6,

    /// <summary>Ticks left in the activity.</summary>
    ActivityTicks = 1 << 7,

    /// <summary>The telegraph's shape, centre, radius, angle and width (and its ticks when the shape changes to none).</summary>
    Telegraph = 1 << 8,

    /// <summary>The telegraph's ticks left alone: it counts down every tick of a wind-up while the rest stays put.</summary>
    TelegraphTicks = 1 << 9,

    /// <summary>Flags.</summary>
    Flags = 1 << 10,

    /// <summary>Target.</summary>
    Target = 1 << 11,

    /// <summary>Kind and archetype.</summary>
    Identity = 1 << 12,

    /// <summary>Every field.</summary>
    All = (1 << 13) - 1,

    /// <summary>The fields of an entity that only moved or turned, which take the short mask form.</summary>
    Motion = Position | Facing,
}
