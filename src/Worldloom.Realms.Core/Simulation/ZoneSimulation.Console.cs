using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>The dev console (Test Area). The server decides who may use it; here it is carried out.</summary>
public sealed partial class ZoneSimulation
{
    /// <summary>Carries out a console command for the player <paramref name="characterId"/>. Events it causes
    /// (deaths, spawns) appear in the next tick's outcome. Recorded like an input: a replay must give the same commands
    /// between the same ticks.</summary>
    public ConsoleResult Command(Guid characterId, ConsoleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Recording?.Add(new RecordedAction(Tick, characterId, null, false, null, command));
        if (!_byCharacter.TryGetValue(characterId, out var issuer))
        {
            return new ConsoleResult(false, "You are not in this zone.");
        }

        try
        {
            return command.Kind switch
            {
                ConsoleCommandKind.Spawn => SpawnNear(issuer, command.Enemy, command.Count),
                ConsoleCommandKind.Reset => Reset(),
                ConsoleCommandKind.God => ToggleGod(issuer),
                ConsoleCommandKind.Teleport => Teleport(issuer, command.X, command.Y),
                ConsoleCommandKind.Heal => HealFully(issuer),
                _ => KillAll(issuer),
            };
        }
        finally
        {
            _random.Close();
            _gridDirty = true;
            _statesDirty = true;
        }
    }

    private ConsoleResult SpawnNear(Entity issuer, string name, int count)
    {
        if (count is < 1 or > ConsoleCommand.MaxSpawn)
        {
            return new ConsoleResult(false, $"Spawn 1 to {ConsoleCommand.MaxSpawn} at a time.");
        }

        var species = -1;
        for (var i = 0; i < Map.Species.Count && species < 0; i++)
        {
            if (string.Equals(Map.Species[i].Id, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Map.Species[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                species = i;
            }
        }

        var archetype = species >= 0 ? Rules.ArchetypeFor(Map.Species[species].Family) : Rules.ArchetypeIndex(name);
        if (archetype < 0)
        {
            var known = new List<string>();
            foreach (var s in Map.Species)
            {
                known.Add(s.Id);
            }

            foreach (var a in Rules.Archetypes)
            {
                known.Add(a.Id);
            }

            return new ConsoleResult(false, $"No enemy '{name}' here. Try a species id or name, or an archetype: {string.Join(", ", known)}.");
        }

        var rng = _random.Stream;
        var tile = issuer.Position;
        for (var k = 0; k < count; k++)
        {
            var at = RandomWalkableNear(rng, tile.TileX, tile.TileY, 3) ?? issuer.Position;
            SpawnEnemy(species, archetype, at, -1);
        }

        var what = species >= 0 ? Map.Species[species].Name : Rules.Archetypes[archetype].Name;
        return new ConsoleResult(true, $"Spawned {count} × {what}.");
    }

    private ConsoleResult Reset()
    {
        foreach (var e in _entities)
        {
            if (e.Kind != EntityKind.Player)
            {
                e.Removed = true;
            }
            else
            {
                MakeWhole(e);
            }
        }

        Compact();
        _respawns.Clear();
        for (var t = 0; t < _templates.Count; t++)
        {
            SpawnEnemy(_templates[t].Species, _templates[t].Archetype, _templates[t].Home, t);
        }

        return new ConsoleResult(true, $"Zone reset: {_templates.Count} enemies, {_players.Count} players healed.");
    }

    private ConsoleResult ToggleGod(Entity issuer)
    {
        issuer.God = !issuer.God;
        return new ConsoleResult(true, issuer.God ? "God mode on." : "God mode off.");
    }

    private ConsoleResult Teleport(Entity issuer, int x, int y)
    {
        if (!Map.Contains(x, y))
        {
            return new ConsoleResult(false, $"Tile ({x}, {y}) is outside the zone (0..{Map.Width - 1}, 0..{Map.Height - 1}).");
        }

        if (!Map.IsWalkable(x, y))
        {
            return new ConsoleResult(false, $"Tile ({x}, {y}) is not walkable.");
        }

        if (issuer.Activity == EntityActivity.Casting)
        {
            Interrupt(issuer);
        }

        issuer.Position = Vec.AtTile(x, y);
        return new ConsoleResult(true, $"Teleported to ({x}, {y}).");
    }

    private ConsoleResult HealFully(Entity issuer)
    {
        if (issuer.Activity == EntityActivity.Dead)
        {
            return new ConsoleResult(false, "You are dead; wait for the respawn.");
        }

        MakeWhole(issuer);
        return new ConsoleResult(true, "Healed.");
    }

    private ConsoleResult KillAll(Entity issuer)
    {
        var killed = 0;
        foreach (var e in _entities)
        {
            if (e.Kind == EntityKind.Enemy && e.IsAlive)
            {
                Kill(e, issuer.Id);
                killed++;
            }
        }

        Compact();
        return new ConsoleResult(true, $"Killed {killed} enemies.");
    }

    /// <summary>Full hit points and mana; a dead player comes back where it fell.</summary>
    private static void MakeWhole(Entity player)
    {
        player.Hp = player.MaxHp;
        player.Mana = player.MaxMana;
        if (player.Activity == EntityActivity.Dead)
        {
            player.Activity = EntityActivity.Idle;
            player.ActivityTicks = 0;
        }
    }
}
