using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Rules;

/// <summary>
/// Every number of the game that designers tune: classes, skills, enemy archetypes, respawn and anti-cheat settings.
/// Read from JSON (<c>Data/realm.json</c>, embedded, is <see cref="Default"/>); durations are written in
/// milliseconds and held in ticks, lengths in sub-tiles. Immutable.
/// </summary>
public sealed class RealmRules
{
    private static readonly Lazy<RealmRules> DefaultRules = new(LoadDefault);

    private RealmRules()
    {
    }

    /// <summary>The rules shipped with the game (<c>Data/realm.json</c>).</summary>
    public static RealmRules Default => DefaultRules.Value;

    /// <summary>SHA-256 of the JSON text the rules were parsed from; recordings and checkpoints carry it.</summary>
    public IReadOnlyList<byte> Hash { get; private set; } = [];

    /// <summary>Playable classes.</summary>
    public IReadOnlyList<ClassRules> Classes { get; private init; } = [];

    /// <summary>Skills, referred to by index from classes, projectiles and events.</summary>
    public IReadOnlyList<SkillRules> Skills { get; private init; } = [];

    /// <summary>Enemy archetypes, referred to by index from enemies.</summary>
    public IReadOnlyList<EnemyArchetype> Archetypes { get; private init; } = [];

    /// <summary>Ticks a dead player waits before respawning.</summary>
    public int PlayerRespawnTicks { get; private init; }

    /// <summary>Ticks a respawned player takes no damage.</summary>
    public int InvulnerabilityTicks { get; private init; }

    /// <summary>A player refused more than this many times within <see cref="RefusalWindowTicks"/> is kicked.</summary>
    public int KickAfterRefusals { get; private init; }

    /// <summary>The window over which refusals are counted, in ticks.</summary>
    public int RefusalWindowTicks { get; private init; }

    /// <summary>Inputs a player may have waiting; beyond them a new input supersedes the oldest queued move, or is
    /// refused as <c>flood</c> when only casts are queued before it.</summary>
    public int MaxQueuedInputs { get; private init; }

    /// <summary>Enemies in a zone of 128 × 128 walkable tiles; a zone keeps this many per walkable tile.</summary>
    public int EnemiesPerZone { get; private set; }

    /// <summary>Fewest enemies in a pack at a point of interest.</summary>
    public int PackSizeMin { get; private init; }

    /// <summary>Most enemies in a pack at a point of interest.</summary>
    public int PackSizeMax { get; private init; }

    /// <summary>How far (tiles) from its point of interest a pack member may stand.</summary>
    public int PackRadiusTiles { get; private init; }

    /// <summary>Scattered enemies stand at least this many tiles from every player spawn.</summary>
    public int PlayerSpawnClearanceTiles { get; private init; }

    /// <summary>Ticks before a killed enemy comes back at its home.</summary>
    public int EnemyRespawnTicks { get; private init; }

    /// <summary>Damage to an enemy = skill damage − defense × this / 100 (at least 1).</summary>
    public int DefenseWeightPercent { get; private init; }

    /// <summary>The archetype index used for families no archetype lists.</summary>
    public int DefaultArchetype { get; private init; }

    /// <summary>The index of the class <paramref name="id"/>, or −1.</summary>
    public int ClassIndex(string id)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the archetype <paramref name="id"/>, or −1.</summary>
    public int ArchetypeIndex(string id)
    {
        for (var i = 0; i < Archetypes.Count; i++)
        {
            if (string.Equals(Archetypes[i].Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The archetype that species of <paramref name="family"/> are drawn as.</summary>
    public int ArchetypeFor(string family)
    {
        for (var i = 0; i < Archetypes.Count; i++)
        {
            foreach (var f in Archetypes[i].Families)
            {
                if (f == family)
                {
                    return i;
                }
            }
        }

        return DefaultArchetype;
    }

    /// <summary>A new character of class <paramref name="classId"/>: full hit points and mana, no position.</summary>
    /// <exception cref="ArgumentException">No such class.</exception>
    public CharacterState NewCharacter(string classId)
    {
        var index = ClassIndex(classId);
        if (index < 0)
        {
            throw new ArgumentException($"Unknown class '{classId}'.", nameof(classId));
        }

        var rules = Classes[index];
        return new CharacterState(classId, 1, rules.MaxHp, rules.MaxMana, null, "{}");
    }

    /// <summary>These rules with <see cref="EnemiesPerZone"/> set to <paramref name="perZone"/> (a bench or a
    /// test area stands more or fewer enemies). The hash covers the change, so checkpoints of a zone under the
    /// override restore only under the same override.</summary>
    public RealmRules WithEnemiesPerZone(int perZone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perZone);
        var copy = (RealmRules)MemberwiseClone();
        copy.EnemiesPerZone = perZone;
        copy.Hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower([.. Hash])}+enemies.perZone={perZone}"));
        return copy;
    }

    /// <summary>Parses a rules file.</summary>
    /// <exception cref="RealmRulesException">A value is missing, of the wrong type or out of range; the message and
    /// <see cref="RealmRulesException.Path"/> name it.</exception>
    public static RealmRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new RealmRulesException("$", $"is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = new RulesReader(document.RootElement, "$");
            root.Int("version", 1, 1);
            var players = root.Object("players");
            var antiCheat = root.Object("antiCheat");
            var enemies = root.Object("enemies");
            var skills = ParseSkills(root);
            var classes = ParseClasses(root, skills);
            var archetypes = ParseArchetypes(root, out var defaultArchetype);
            var packMin = enemies.Int("packSizeMin", 1, 20);
            return new RealmRules
            {
                Hash = SHA256.HashData(Encoding.UTF8.GetBytes(json)),
                Classes = classes,
                Skills = skills,
                Archetypes = archetypes,
                DefaultArchetype = defaultArchetype,
                PlayerRespawnTicks = players.Ticks("respawnDelayMs", 0, 600_000),
                InvulnerabilityTicks = players.Ticks("invulnerabilityMs", 0, 60_000),
                KickAfterRefusals = antiCheat.Int("kickAfterRefusals", 1, 10_000),
                RefusalWindowTicks = antiCheat.Ticks("refusalWindowMs", 50, 600_000),
                MaxQueuedInputs = antiCheat.Int("maxQueuedInputs", 1, 1000),
                EnemiesPerZone = enemies.Int("perZone", 0, 100_000),
                PackSizeMin = packMin,
                PackSizeMax = enemies.Int("packSizeMax", packMin, 20),
                PackRadiusTiles = enemies.Int("packRadiusTiles", 0, 32),
                PlayerSpawnClearanceTiles = enemies.Int("playerSpawnClearanceTiles", 0, 256),
                EnemyRespawnTicks = enemies.Ticks("respawnDelayMs", 50, 3_600_000),
                DefenseWeightPercent = enemies.Int("defenseWeightPercent", 0, 1000),
            };
        }
    }

    private static List<SkillRules> ParseSkills(RulesReader root)
    {
        var skills = new List<SkillRules>();
        foreach (var (element, path) in root.Array("skills"))
        {
            var s = new RulesReader(element, path);
            var id = s.String("id");
            if (skills.Exists(k => k.Id == id))
            {
                throw new RealmRulesException($"{path}.id", $"'{id}' is defined twice.");
            }

            var kindText = s.String("kind");
            SkillKind kind = kindText switch
            {
                "projectile" => SkillKind.Projectile,
                "nova" => SkillKind.Nova,
                "heal" => SkillKind.Heal,
                _ => throw new RealmRulesException($"{path}.kind", $"must be projectile, nova or heal, not '{kindText}'."),
            };
            var projectile = kind == SkillKind.Projectile;
            skills.Add(new SkillRules(
                id,
                s.String("name"),
                kind,
                Damage: kind == SkillKind.Heal ? 0 : s.Int("damage", 0, 1_000_000),
                Heal: kind == SkillKind.Heal ? s.Int("heal", 1, 1_000_000) : 0,
                Range: kind == SkillKind.Nova ? 0 : s.Int("range", 0, 65_536),
                Radius: kind == SkillKind.Nova ? s.Int("radius", 1, 65_536) : 0,
                Knockback: kind == SkillKind.Nova ? s.Int("knockback", 0, 65_536) : 0,
                CooldownTicks: s.Ticks("cooldownMs", 0, 3_600_000),
                Mana: s.Int("mana", 0, 1_000_000),
                CastTicks: kind == SkillKind.Heal ? s.Ticks("castMs", 0, 60_000) : 0,
                ProjectileSpeed: projectile ? s.Int("projectileSpeed", 1, 4096) : 0,
                HitRadius: projectile ? s.Int("hitRadius", 1, 4096) : 0,
                LifetimeTicks: projectile ? s.Ticks("lifetimeMs", 50, 60_000) : 0));
        }

        return skills;
    }

    private static List<ClassRules> ParseClasses(RulesReader root, List<SkillRules> skills)
    {
        var classes = new List<ClassRules>();
        foreach (var (element, path) in root.Array("classes"))
        {
            var c = new RulesReader(element, path);
            var id = c.String("id");
            if (classes.Exists(k => k.Id == id))
            {
                throw new RealmRulesException($"{path}.id", $"'{id}' is defined twice.");
            }

            var slots = new List<int>();
            var names = c.Strings("skills");
            if (names.Count is 0 or > 3)
            {
                throw new RealmRulesException($"{path}.skills", "must name one to three skills (slots 1 to 3).");
            }

            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                var index = skills.FindIndex(s => s.Id == name);
                if (index < 0)
                {
                    throw new RealmRulesException($"{path}.skills[{i}]", $"'{name}' is not a skill.");
                }

                slots.Add(index);
            }

            classes.Add(new ClassRules(
                id, c.String("name"), c.Int("hp", 1, 1_000_000), c.Int("mana", 0, 1_000_000),
                c.Int("manaRegenPerSecond", 0, 100_000), c.Int("speed", 1, 1024), slots));
        }

        return classes;
    }

    private static List<EnemyArchetype> ParseArchetypes(RulesReader root, out int defaultArchetype)
    {
        var archetypes = new List<EnemyArchetype>();
        defaultArchetype = -1;
        foreach (var (element, path) in root.Array("archetypes"))
        {
            var a = new RulesReader(element, path);
            var id = a.String("id");
            if (archetypes.Exists(k => k.Id == id))
            {
                throw new RealmRulesException($"{path}.id", $"'{id}' is defined twice.");
            }

            if (a.Bool("default"))
            {
                if (defaultArchetype >= 0)
                {
                    throw new RealmRulesException($"{path}.default", "only one archetype may be the default.");
                }

                defaultArchetype = archetypes.Count;
            }

            var stats = a.Object("stats");
            var telegraph = a.Object("telegraph");
            var shapeText = telegraph.String("shape");
            var shape = shapeText switch
            {
                "circle" => TelegraphShape.Circle,
                "cone" => TelegraphShape.Cone,
                _ => throw new RealmRulesException($"{telegraph.Path}.shape", $"must be circle or cone, not '{shapeText}'."),
            };
            archetypes.Add(new EnemyArchetype(
                id,
                a.String("name"),
                a.Strings("families"),
                new SpeciesStats(
                    stats.Int("health", 1, 1_000_000), stats.Int("attack", 0, 1_000_000), stats.Int("defense", 0, 1_000_000),
                    stats.Int("speed", 0, 1000), stats.Int("perception", 0, 256)),
                a.Int("healthPercent", 1, 10_000),
                a.Int("damagePercent", 0, 10_000),
                a.Int("speedPercent", 0, 10_000),
                a.Int("aggroPercent", 0, 10_000),
                a.Int("leashRadius", 0, 65_536),
                a.Int("attackRange", 1, 65_536),
                a.Ticks("windUpMs", 50, 60_000),
                a.Ticks("recoverMs", 0, 60_000),
                shape,
                telegraph.Int("radius", 1, 65_536),
                shape == TelegraphShape.Cone ? telegraph.Int("width", 1, 4096) : telegraph.IntOr("width", 0, 0, 4096)));
        }

        if (defaultArchetype < 0)
        {
            throw new RealmRulesException("$.archetypes", "one archetype must have \"default\": true.");
        }

        return archetypes;
    }

    private static RealmRules LoadDefault()
    {
        using var stream = typeof(RealmRules).Assembly.GetManifestResourceStream("Worldloom.Realms.Core.Data.realm.json")
            ?? throw new InvalidOperationException("The embedded rules file is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}
