using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

/// <summary>
/// Overrides checked and staged one at a time against a draft of a world, then committed together. The draft copies a
/// list or the biome layer only when an override first changes it, and <see cref="Commit"/> swaps the copies into
/// the world; until then the world is untouched, so dropping a batch undoes everything in it. Scripted rules use a
/// batch to reject a bad edit at the call that made it; <see cref="OverrideApplier.Apply"/> uses one for a whole list.
/// The world must not change while a batch on it is open. Not thread-safe.
/// </summary>
public sealed partial class OverrideBatch
{
    private readonly ForgeWorld _world;
    private List<Settlement>? _settlements;
    private List<Road>? _roads;
    private List<Region>? _regions;
    private List<Faction>? _factions;
    private List<Npc>? _npcs;
    private List<PointOfInterest>? _pois;
    private byte[]? _biomes;

    // Id → list index, built on first lookup and dropped when a deletion shifts indices. Used for lookups only,
    // never iterated, so their order cannot reach the output.
    private Dictionary<string, int>? _settlementIndex;
    private Dictionary<string, int>? _npcIndex;
    private HashSet<int>? _riverCells;
    private bool _committed;

    /// <summary>Opens a batch on <paramref name="world"/>.</summary>
    public OverrideBatch(ForgeWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        _world = world;
    }

    /// <summary>How many overrides have been accepted.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Checks <paramref name="edit"/> against the world as the accepted overrides left it and, when it is valid, stages
    /// it. Returns its errors (empty when accepted), each field named <c><paramref name="field"/>.fieldName</c>; a
    /// rejected override changes nothing.
    /// </summary>
    public IReadOnlyList<ParameterError> Add(WorldOverride? edit, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (_committed)
        {
            throw new InvalidOperationException("The batch has been committed.");
        }

        var errors = new List<ParameterError>();
        switch (edit)
        {
            case null:
                errors.Add(new ParameterError(field, "An override is required."));
                break;
            case MoveSettlement move:
                Move(move, field, errors);
                break;
            case RenameSettlement rename:
                Rename(rename, field, errors);
                break;
            case DeleteSettlement delete:
                Delete(delete, field, errors);
                break;
            case SetRegionBiome regionBiome:
                PaintRegion(regionBiome, field, errors);
                break;
            case SetRegionFaction regionFaction:
                HandOver(regionFaction, field, errors);
                break;
            case PinNpcTraits pin:
                Pin(pin, field, errors);
                break;
            case AddPointOfInterest poi:
                AddPoi(poi, field, errors);
                break;
            case SetCellBiome cellBiome:
                PaintCell(cellBiome, field, errors);
                break;
            default:
                errors.Add(new ParameterError(field, $"Unknown override kind '{edit.Kind}'."));
                break;
        }

        if (errors.Count == 0)
        {
            Count++;
        }

        return errors;
    }

    /// <summary>Swaps every changed list and layer into the world. A batch commits once.</summary>
    public void Commit()
    {
        if (_committed)
        {
            throw new InvalidOperationException("The batch has been committed.");
        }

        _committed = true;
        if (_settlements is not null)
        {
            _world.Settlements = _settlements.ToArray();
        }

        if (_roads is not null)
        {
            _world.Roads = _roads.ToArray();
        }

        if (_regions is not null)
        {
            _world.Regions = _regions.ToArray();
        }

        if (_factions is not null)
        {
            _world.Factions = _factions.ToArray();
        }

        if (_npcs is not null)
        {
            _world.Npcs = _npcs.ToArray();
        }

        if (_pois is not null)
        {
            _world.PointsOfInterest = _pois.ToArray();
        }

        if (_biomes is not null)
        {
            // A new map rather than Set on the old one, so anyone still holding the old layer keeps what it showed.
            _world.Biomes = new BiomeMap(_world.Width, _world.Height, _biomes);
        }
    }

    private IReadOnlyList<Settlement> Settlements => (IReadOnlyList<Settlement>?)_settlements ?? _world.Settlements;

    private IReadOnlyList<Region> Regions => (IReadOnlyList<Region>?)_regions ?? _world.Regions;

    private IReadOnlyList<Faction> Factions => (IReadOnlyList<Faction>?)_factions ?? _world.Factions;

    private IReadOnlyList<Npc> Npcs => (IReadOnlyList<Npc>?)_npcs ?? _world.Npcs;

    private IReadOnlyList<PointOfInterest> Pois => (IReadOnlyList<PointOfInterest>?)_pois ?? _world.PointsOfInterest;

    private List<Settlement> EditSettlements() => _settlements ??= [.. _world.Settlements];

    private List<Road> EditRoads() => _roads ??= [.. _world.Roads];

    private List<Region> EditRegions() => _regions ??= [.. _world.Regions];

    private List<Faction> EditFactions() => _factions ??= [.. _world.Factions];

    private List<Npc> EditNpcs() => _npcs ??= [.. _world.Npcs];

    private List<PointOfInterest> EditPois() => _pois ??= [.. _world.PointsOfInterest];

    private byte[] EditBiomes() => _biomes ??= ForgeWorld.Require(_world.Biomes, "biomes").Cells.ToArray();

    private int FindSettlement(string? id) => Find(id, Settlements, s => s.Id, ref _settlementIndex);

    private int FindNpc(string? id) => Find(id, Npcs, n => n.Id, ref _npcIndex);

    private int FindRegion(string? id) => id is null ? -1 : IndexOf(Regions, r => r.Id == id);

    private int FindFaction(string? id) => id is null ? -1 : IndexOf(Factions, f => f.Id == id);

    private static int Find<T>(string? id, IReadOnlyList<T> items, Func<T, string> key, ref Dictionary<string, int>? index)
    {
        if (id is null)
        {
            return -1;
        }

        if (index is null)
        {
            index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                index.TryAdd(key(items[i]), i);
            }
        }

        return index.TryGetValue(id, out var at) ? at : -1;
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private bool InBounds(GridPoint p) => p.X >= 0 && p.Y >= 0 && p.X < _world.Width && p.Y < _world.Height;

    private Biome? BiomeAt(GridPoint p)
    {
        if (_biomes is not null)
        {
            return (Biome)_biomes[(p.Y * _world.Width) + p.X];
        }

        return _world.Biomes?[p.X, p.Y];
    }

    /// <summary>The id of the region at <paramref name="p"/>; null where there is none or no region map yet.</summary>
    private string? RegionIdAt(GridPoint p)
    {
        var index = _world.RegionMap?[p.X, p.Y] ?? 0;
        return index > 0 && index <= Regions.Count ? Regions[index - 1].Id : null;
    }

    /// <summary>Why a settlement or point of interest cannot stand at <paramref name="p"/>, or null when it can.</summary>
    private string? SiteProblem(GridPoint p)
    {
        if (!InBounds(p))
        {
            return $"Must be a cell inside the world (x 0–{_world.Width - 1}, y 0–{_world.Height - 1}); got ({p.X}, {p.Y}).";
        }

        if (_world.Heightmap is not { } heightmap)
        {
            return "The world has no terrain yet (the heightmap stage has not run).";
        }

        if (!heightmap.IsLand(p.X, p.Y))
        {
            return $"The cell ({p.X}, {p.Y}) is water.";
        }

        return _world.Hydrology?.IsLake(p.X, p.Y) == true ? $"The cell ({p.X}, {p.Y}) is a lake." : null;
    }

    /// <summary>Why <paramref name="name"/> is not a usable display name, or null when it is.</summary>
    private static string? NameProblem(string? name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Must not be empty.";
        }

        if (name.Length > maxLength)
        {
            return $"Must be at most {maxLength} characters; got {name.Length}.";
        }

        return name.Any(char.IsControl) ? "Must not contain control characters." : null;
    }

    private static string? BiomeProblem(Biome biome) =>
        Enum.IsDefined(biome) ? null : $"Must be one of {string.Join(", ", BiomeNames.All)}.";

    /// <summary>Whether a cell next to <paramref name="p"/> (8-neighbourhood) is sea; the map edge is not sea.</summary>
    private bool IsCoastal(GridPoint p)
    {
        var heightmap = ForgeWorld.Require(_world.Heightmap, "heightmap");
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var q = new GridPoint(p.X + dx, p.Y + dy);
                if ((dx != 0 || dy != 0) && InBounds(q) && !heightmap.IsLand(q.X, q.Y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="p"/> or a cell next to it (8-neighbourhood) is a lake or on a river.</summary>
    private bool HasFreshWater(GridPoint p, Hydrology hydrology)
    {
        if (_riverCells is null)
        {
            _riverCells = [];
            foreach (var river in hydrology.Rivers)
            {
                foreach (var cell in river.Path)
                {
                    _riverCells.Add((cell.Y * _world.Width) + cell.X);
                }
            }
        }

        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var q = new GridPoint(p.X + dx, p.Y + dy);
                if (InBounds(q) && (hydrology.IsLake(q.X, q.Y) || _riverCells.Contains((q.Y * _world.Width) + q.X)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
