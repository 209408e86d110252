using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary>Entities and snapshots to encode in the tests.</summary>
internal static class Samples
{
    public static EntityState Wolf(uint id, int x, int y) => new(
        id, EntityKind.Enemy, 2, new Vec(x, y), 1024, 80, 80, 0, 0, EntityActivity.Pursue, 0, Telegraph.None, EntityFlags.None, 1);

    public static EntityState Mage(uint id, int x, int y) => new(
        id, EntityKind.Player, 0, new Vec(x, y), 0, 250, 250, 180, 200, EntityActivity.Moving, 0, Telegraph.None, EntityFlags.Invulnerable, 0);

    public static OwnState Own(uint entity = 1, uint sequence = 1000) => new(entity, sequence, 0, 12, 0, 0);

    /// <summary>A crowd of <paramref name="count"/> wolves with ids 2, 4, 6 ... (gaps as a real zone has) and the mage (id 1).</summary>
    public static List<EntityState> Crowd(int count)
    {
        var crowd = new List<EntityState> { Mage(1, 64 * 256, 64 * 256) };
        for (var i = 0; i < count; i++)
        {
            crowd.Add(Wolf((uint)(2 + (2 * i)), (40 + (i % 10 * 4)) * 256, (50 + (i / 10 * 4)) * 256));
        }

        return crowd;
    }

    /// <summary>Every entity moved <paramref name="step"/> sub-tiles east and south-east-ish, some turned.</summary>
    public static List<EntityState> Moved(List<EntityState> entities, int step) =>
        entities.Select((e, i) => e with { Position = e.Position + new Vec(step, step / 2), Facing = i % 3 == 0 ? (e.Facing + 256) & 4095 : e.Facing }).ToList();
}
