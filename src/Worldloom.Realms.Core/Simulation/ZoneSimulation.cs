using System.Numerics;
using System.Runtime.InteropServices;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Spatial;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>
/// The authoritative simulation of one zone at a fixed 20 Hz. Pure and deterministic: the same map, rules, seed,
/// players, inputs and commands in the same order give the same <see cref="StateHash"/> at every tick on every
/// machine (integers only, one seeded random source, every loop in entity id order). Not thread-safe: the zone's
/// owner (a grain) calls it from one thread at a time.
/// </summary>
public sealed partial class ZoneSimulation
{
    /// <summary>Ticks per second.</summary>
    public const int TicksPerSecond = 20;

    /// <summary>The time one tick stands for (50 ms).</summary>
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(1000 / TicksPerSecond);

    /// <summary>
    /// Queued inputs a player may carry into a tick before movement-only ones at the head are dropped (see
    /// <c>ShedBacklog</c>): two ticks absorb the usual jitter of one input a tick without adding lag.
    /// </summary>
    public const int MaxBacklog = 2;

    /// <summary>The area of interest a client is sent, in tiles (see <see cref="CollectVisible(uint, int, List{EntityState})"/>).</summary>
    public const int DefaultVisibleRadius = 32;

    /// <summary>The area of interest of the web client, in tiles: the half-diagonal of a 1280 × 720 canvas at 32
    /// pixels per tile (web/src/pages/Realm.tsx, <c>TILE_PX</c>) is 22.9 tiles, plus a tile so an entity is known a
    /// little before it shows in a corner.</summary>
    public const int ClientVisibleRadius = 24;

    /// <summary>The most entities a client is sent at once (the nearest ones, see
    /// <see cref="CollectVisible(uint, int, int, List{EntityState})"/>): in a crowd, what a player can follow on
    /// screen, and what a snapshot budget can keep fresh.</summary>
    public const int DefaultVisibleLimit = 64;

    private readonly List<Entity> _entities = [];
    private readonly Dictionary<uint, Entity> _byId = [];
    private readonly List<Entity> _players = [];
    private readonly Dictionary<Guid, Entity> _byCharacter = [];
    private readonly List<EnemyTemplate> _templates = [];
    private readonly List<(uint Due, int Template)> _respawns = [];
    private readonly SpatialGrid _grid;
    private readonly SpatialGrid _playerGrid;
    private readonly List<int> _found = [];
    private readonly VisibleScratch _scratch = new();
    private readonly List<EntityState> _states = [];
    private readonly List<ZoneEvent> _events = [];
    private readonly List<Refusal> _refusals = [];
    private readonly List<Kick> _kicks = [];
    private readonly List<ExitCrossing> _exits = [];
    private readonly ZoneRandom _random;
    private uint _nextId = 1;
    private bool _gridDirty = true;
    private bool _statesDirty = true;

    /// <summary>A zone with its initial enemies, no players, at tick 0.</summary>
    /// <param name="map">The zone's ground.</param>
    /// <param name="rules">The realm's rules.</param>
    /// <param name="seed">32 bytes; every random draw of the zone comes from it.</param>
    public ZoneSimulation(ZoneMap map, RealmRules rules, ReadOnlySpan<byte> seed)
        : this(map, rules, new ZoneRandom(seed, 0))
    {
        for (var t = 0; t < _templates.Count; t++)
        {
            SpawnEnemy(_templates[t].Species, _templates[t].Archetype, _templates[t].Home, t);
        }
    }

    private ZoneSimulation(ZoneMap map, RealmRules rules, ZoneRandom random)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _random = random;
        _grid = new SpatialGrid(map.Width, map.Height);
        _playerGrid = new SpatialGrid(map.Width, map.Height);
        PlanEnemies();
    }

    /// <summary>The zone's ground.</summary>
    public ZoneMap Map { get; }

    /// <summary>The realm's rules.</summary>
    public RealmRules Rules { get; }

    /// <summary>Ticks stepped so far.</summary>
    public uint Tick { get; private set; }

    /// <summary>Every entity's client-visible state, by id. Recomputed lazily after a change; do not hold it across
    /// a <see cref="Step"/>.</summary>
    public IReadOnlyList<EntityState> Entities
    {
        get
        {
            if (_statesDirty)
            {
                _states.Clear();
                foreach (var e in _entities)
                {
                    _states.Add(e.ToState());
                }

                _statesDirty = false;
            }

            return _states;
        }
    }

    /// <summary>The recording in progress, or null (see <see cref="StartRecording"/>).</summary>
    public Recording? Recording { get; private set; }

    /// <summary>Starts recording from the current state: every later join, leave, input and command is kept, so the
    /// recording replays to the same hashes. It grows with every input: for tests, bug reports and short sessions,
    /// not for a zone that runs for days.</summary>
    public Recording StartRecording()
    {
        Recording = new Recording(Checkpoint());
        return Recording;
    }

    /// <summary>Players in the zone.</summary>
    public int PlayerCount => _players.Count;

    /// <summary>Adds a player's character; returns its entity id.</summary>
    /// <exception cref="InvalidOperationException">The character is already in the zone.</exception>
    /// <exception cref="ArgumentException">Its class is not in the rules.</exception>
    public uint AddPlayer(Guid characterId, CharacterState character)
    {
        ArgumentNullException.ThrowIfNull(character);
        if (_byCharacter.ContainsKey(characterId))
        {
            throw new InvalidOperationException($"Character {characterId} is already in the zone.");
        }

        var classIndex = Rules.ClassIndex(character.ClassId);
        if (classIndex < 0)
        {
            throw new ArgumentException($"Unknown class '{character.ClassId}'.", nameof(character));
        }

        var rules = Rules.Classes[classIndex];
        var position = character.Position is { } p ? WalkableNear(p) : PlayerSpawnNear(new Vec(Map.WidthSubTiles / 2, Map.HeightSubTiles / 2));
        var fresh = character.Hp <= 0;
        var player = new Entity
        {
            Id = _nextId++,
            Kind = EntityKind.Player,
            Archetype = (ushort)classIndex,
            Position = position,
            Hp = fresh ? rules.MaxHp : Math.Min(character.Hp, rules.MaxHp),
            MaxHp = rules.MaxHp,
            Mana = fresh ? rules.MaxMana : Math.Clamp(character.Mana, 0, rules.MaxMana),
            MaxMana = rules.MaxMana,
            CharacterId = characterId,
            ClassId = character.ClassId,
            Level = character.Level,
            Inventory = character.Inventory ?? "{}",
            Cooldowns = new int[rules.Skills.Count],
            RefusalTicks = new int[Rules.KickAfterRefusals + 1],
        };
        Recording?.Add(new RecordedAction(Tick, characterId, character, false, null, null));
        Insert(player);
        return player.Id;
    }

    /// <summary>Takes a player out of the zone (disconnect, kick); returns the character to persist. Inputs it had
    /// queued are dropped.</summary>
    /// <exception cref="KeyNotFoundException">The character is not in the zone.</exception>
    public CharacterState RemovePlayer(Guid characterId)
    {
        if (!_byCharacter.TryGetValue(characterId, out var player))
        {
            throw new KeyNotFoundException($"Character {characterId} is not in the zone.");
        }

        Recording?.Add(new RecordedAction(Tick, characterId, null, true, null, null));
        var state = CharacterOf(player, player.Position);
        player.Removed = true;
        Compact();
        return state;
    }

    /// <summary>The entity id of a character in the zone.</summary>
    public bool TryGetEntity(Guid characterId, out uint entityId)
    {
        var found = _byCharacter.TryGetValue(characterId, out var player);
        entityId = found ? player!.Id : 0;
        return found;
    }

    /// <summary>Queues an input; the next <see cref="Step"/> applies the lowest queued sequence (one per player per
    /// tick; movement-only inputs beyond a backlog of <see cref="MaxBacklog"/> are dropped first). Inputs of
    /// characters not in the zone are ignored (a late input after a crossing). On a full queue a newer input
    /// supersedes the oldest queued move, as the backlog's shedding does; only a queue of casts (and bad angles, kept
    /// to be refused) refuses the input as <c>flood</c>, reported with the next tick's outcome.
    /// </summary>
    public void Submit(Guid characterId, PlayerInput input)
    {
        Recording?.Add(new RecordedAction(Tick, characterId, null, false, input, null));
        if (!_byCharacter.TryGetValue(characterId, out var player) || player.Kicked)
        {
            return;
        }

        if (input.Sequence <= player.LastSequence)
        {
            Refuse(player, input.Sequence, RefusalCodes.Replayed);
            return;
        }

        // Keep the queue sorted by sequence; a sequence already queued is a replay.
        var queue = player.Queue;
        var at = queue.Count;
        while (at > 0 && queue[at - 1].Sequence >= input.Sequence)
        {
            if (queue[at - 1].Sequence == input.Sequence)
            {
                Refuse(player, input.Sequence, RefusalCodes.Replayed);
                return;
            }

            at--;
        }

        if (queue.Count >= Rules.MaxQueuedInputs)
        {
            // A connection that stalled delivers its held inputs at once (TCP keeps them, and the rate limit lets a
            // second's worth through). Refusing them as flood kicked honest players on a bad network after two such
            // bursts; the new input instead supersedes the oldest queued move before it (a cast is never dropped).
            var oldest = queue.FindIndex(0, at, IsPlainMove);
            if (oldest < 0)
            {
                Refuse(player, input.Sequence, RefusalCodes.Flood);
                return;
            }

            if (oldest == 0)
            {
                // Dropped at the head, it counts as done with, as in ShedBacklog; behind a cast, the cast is still due.
                player.LastSequence = queue[0].Sequence;
            }

            queue.RemoveAt(oldest);
            at--;
        }

        queue.Insert(at, input);
    }

    /// <summary>A new connection has taken over the character (a reconnect): its client numbers inputs from 1 again,
    /// so the queue is dropped and the next input of any sequence is accepted rather than refused as a replay.
    /// Characters not in the zone are ignored.</summary>
    public void RestartSequence(Guid characterId)
    {
        if (!_byCharacter.TryGetValue(characterId, out var player))
        {
            return;
        }

        Recording?.Add(new RecordedAction(Tick, characterId, null, false, null, null, RestartSequence: true));
        player.Queue.Clear();
        player.LastSequence = 0;
    }

    /// <summary>What only the character's own client is told: last applied sequence, cooldowns, respawn time.</summary>
    /// <exception cref="KeyNotFoundException">The character is not in the zone.</exception>
    public OwnState OwnStateOf(Guid characterId)
    {
        if (!_byCharacter.TryGetValue(characterId, out var player))
        {
            throw new KeyNotFoundException($"Character {characterId} is not in the zone.");
        }

        var c = player.Cooldowns;
        return new OwnState(
            player.Id, player.LastSequence, c.Length > 0 ? c[0] : 0, c.Length > 1 ? c[1] : 0, c.Length > 2 ? c[2] : 0,
            player.Activity == EntityActivity.Dead ? player.ActivityTicks : 0);
    }

    /// <summary>Advances the zone one tick: inputs, players, enemies, projectiles, attacks, regeneration, deaths and
    /// respawns, exits (see docs/realms.md for the order).</summary>
    public TickOutcome Step()
    {
        var tick = Tick + 1;
        Tick = tick;
        ApplyInputs();
        MovePlayers();
        RebuildPlayerGrid();
        RunEnemies();
        MoveProjectiles();
        Regenerate();
        RespawnPlayers();
        RespawnEnemies();
        TakeExits();
        Compact();
        _random.Close();
        _gridDirty = true;
        _statesDirty = true;
        var outcome = new TickOutcome(tick, Drain(_events), Drain(_refusals), Drain(_kicks), Drain(_exits));
        return outcome;
    }

    /// <summary>Fills <paramref name="into"/> (cleared first) with the entities within <paramref name="radius"/>
    /// tiles of entity <paramref name="viewer"/>, the viewer included, by id; nothing when the viewer is not in the
    /// zone. Uses the spatial grid, so the cost follows the entities nearby, not the zone's total.</summary>
    public void CollectVisible(uint viewer, int radius, List<EntityState> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        if (!_byId.TryGetValue(viewer, out var self) || self.Removed)
        {
            return;
        }

        EnsureGrid();
        _found.Clear();
        _grid.Query(self.Position, Math.Max(0, radius) << SubTiles.Shift, _found);

        // Grid items are indices into the id-sorted entity list, so sorting them sorts by id; the states list has the
        // same indices and is built once per change, not once per viewer.
        CollectionsMarshal.AsSpan(_found).Sort();
        var states = Entities;
        foreach (var i in _found)
        {
            into.Add(states[i]);
        }

        _found.Clear();
    }

    /// <summary>As <see cref="CollectVisible(uint, int, List{EntityState})"/>, but at most
    /// <paramref name="limit"/> entities: the viewer and the nearest others (ties by id), by id. The grid is walked
    /// outwards from the viewer and stops once the nearest are found, so in a dense crowd a client costs a few cells,
    /// not the whole radius.</summary>
    public void CollectVisible(uint viewer, int radius, int limit, List<EntityState> into)
    {
        PrepareVisible();
        CollectVisible(viewer, radius, limit, into, _scratch);
    }

    /// <summary>Builds what <see cref="CollectVisible(uint, int, int, List{EntityState}, VisibleScratch)"/> reads (the
    /// entity states and the interest grid) if a change made them stale. After it, and until the zone next changes
    /// (<see cref="Step"/>, a join, a leave, a console command), that overload only reads the zone, so a server may
    /// collect for its clients on several threads at once, each with its own scratch.</summary>
    public void PrepareVisible()
    {
        EnsureGrid();
        _ = Entities;
    }

    /// <summary>As <see cref="CollectVisible(uint, int, int, List{EntityState})"/>, with the caller's scratch lists,
    /// and safe to call from several threads at once (each with its own <paramref name="scratch"/> and
    /// <paramref name="into"/>) once <see cref="PrepareVisible"/> has run since the last change.</summary>
    /// <exception cref="InvalidOperationException">The zone changed since <see cref="PrepareVisible"/>.</exception>
    public void CollectVisible(uint viewer, int radius, int limit, List<EntityState> into, VisibleScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (_gridDirty || _statesDirty)
        {
            throw new InvalidOperationException("The zone changed since PrepareVisible: call it before collecting.");
        }

        into.Clear();
        if (!_byId.TryGetValue(viewer, out var self) || self.Removed)
        {
            return;
        }

        var found = scratch.Found;
        found.Clear();
        _grid.QueryNearest(self.Position, Math.Max(0, radius) << SubTiles.Shift, limit, found, scratch.Nearest);
        var states = _states;
        var seesItself = false;
        foreach (var i in found)
        {
            seesItself |= states[i].Id == viewer;
        }

        if (!seesItself)
        {
            // Others standing on the viewer's spot can crowd it out of its own nearest (the farthest is last).
            found[^1] = IndexOf(viewer);
        }

        // By index is by id. A bit per entity of the zone, set for those found and read back in order, sorts them
        // for less than a comparison sort of the same few dozen (this runs for every client each tick).
        var marks = scratch.Marks(states.Count);
        int low = int.MaxValue, high = 0;
        foreach (var i in found)
        {
            marks[i >> 6] |= 1UL << i;
            low = Math.Min(low, i >> 6);
            high = Math.Max(high, i >> 6);
        }

        for (var w = low; w <= high; w++)
        {
            for (var bits = marks[w]; bits != 0; bits &= bits - 1)
            {
                into.Add(states[(w * 64) + BitOperations.TrailingZeroCount(bits)]);
            }

            // Left clear for the next viewer.
            marks[w] = 0;
        }

        found.Clear();
    }

    /// <summary>The index of entity <paramref name="id"/> in the id-sorted entity list (it must be there).</summary>
    private int IndexOf(uint id)
    {
        int lo = 0, hi = _entities.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entities[mid].Id < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static T[] Drain<T>(List<T> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var items = list.ToArray();
        list.Clear();
        return items;
    }

    private void Insert(Entity entity)
    {
        // Ids only grow, so appending keeps the lists sorted by id.
        _entities.Add(entity);
        _byId.Add(entity.Id, entity);
        if (entity.Kind == EntityKind.Player)
        {
            _players.Add(entity);
            _byCharacter.Add(entity.CharacterId, entity);
        }

        _gridDirty = true;
        _statesDirty = true;
    }

    private void Compact()
    {
        var removed = 0;
        foreach (var e in _entities)
        {
            if (e.Removed)
            {
                removed++;
                _byId.Remove(e.Id);
                if (e.Kind == EntityKind.Player)
                {
                    _byCharacter.Remove(e.CharacterId);
                }
            }
        }

        if (removed > 0)
        {
            _entities.RemoveAll(IsRemoved);
            _players.RemoveAll(IsRemoved);
            _gridDirty = true;
            _statesDirty = true;
        }
    }

    private static bool IsRemoved(Entity e) => e.Removed;

    private void EnsureGrid()
    {
        if (!_gridDirty)
        {
            return;
        }

        _grid.Clear();
        for (var i = 0; i < _entities.Count; i++)
        {
            _grid.Add(i, _entities[i].Position);
        }

        _gridDirty = false;
    }

    private void RebuildPlayerGrid()
    {
        _playerGrid.Clear();
        for (var i = 0; i < _players.Count; i++)
        {
            if (_players[i].IsAlive)
            {
                _playerGrid.Add(i, _players[i].Position);
            }
        }
    }

    private CharacterState CharacterOf(Entity player, Vec position) =>
        new(player.ClassId, player.Level, player.Hp, player.Mana, position, player.Inventory);

    private void Refuse(Entity player, uint sequence, string code)
    {
        _refusals.Add(new Refusal(player.CharacterId, sequence, code));
        var ring = player.RefusalTicks;
        ring[player.RefusalCount % ring.Length] = (int)Tick;
        player.RefusalCount++;

        // The ring holds the last kickAfterRefusals + 1 refusal ticks; when the oldest of them is inside the window,
        // there were more than kickAfterRefusals refusals within it.
        if (!player.Kicked && player.RefusalCount >= ring.Length)
        {
            var oldest = ring[player.RefusalCount % ring.Length];
            if ((int)Tick - oldest < Rules.RefusalWindowTicks)
            {
                player.Kicked = true;
                player.Queue.Clear();
                player.MoveAngle = PlayerInput.Stop;
                _kicks.Add(new Kick(player.CharacterId, $"Too many refused inputs ({ring.Length} within {Rules.RefusalWindowTicks / TicksPerSecond} s)."));
            }
        }
    }
}
