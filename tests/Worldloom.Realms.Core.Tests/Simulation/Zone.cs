using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Simulation;

/// <summary>Shorthands over a <see cref="ZoneSimulation"/> for tests.</summary>
internal static class Zone
{
    public static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static ZoneSimulation Open(ZoneMap map, RealmRules? rules = null, byte[]? seed = null) =>
        new(map, rules ?? RealmRules.Default, seed ?? Seed);

    public static Guid Join(this ZoneSimulation sim, int tileX, int tileY, out uint entity)
    {
        var id = Guid.NewGuid();
        entity = sim.AddPlayer(id, RealmRules.Default.NewCharacter("mage") with { Position = Vec.AtTile(tileX, tileY) });
        return id;
    }

    public static EntityState Get(this ZoneSimulation sim, uint entity) => sim.Entities.Single(e => e.Id == entity);

    public static bool Has(this ZoneSimulation sim, uint entity) => sim.Entities.Any(e => e.Id == entity);

    public static TickOutcome Steps(this ZoneSimulation sim, int ticks)
    {
        TickOutcome last = null!;
        for (var i = 0; i < ticks; i++)
        {
            last = sim.Step();
        }

        return last;
    }

    public static PlayerInput Move(uint sequence, int angle) => new(sequence, angle, null);

    public static PlayerInput CastAt(uint sequence, int slot, uint target, Vec point = default) =>
        new(sequence, PlayerInput.Stop, new SkillCast(slot, target, point));

    public static ConsoleResult Run(this ZoneSimulation sim, Guid issuer, string line) => sim.Command(issuer, ConsoleCommand.Parse(line));

    public static EntityState[] Enemies(this ZoneSimulation sim) => sim.Entities.Where(e => e.Kind == EntityKind.Enemy).ToArray();
}
