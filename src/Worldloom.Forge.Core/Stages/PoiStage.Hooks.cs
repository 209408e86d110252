using System.Text;
using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>Names and quest hooks of points of interest.</summary>
public sealed partial class PoiStage
{
    private static PointOfInterest Describe(int number, string kind, GridPoint at, Species? species, Faction? enemy, ForgeWorld world, Peopling people, HashSet<string> names, ChaChaRng rng)
    {
        Span<int> near = stackalloc int[2];
        var found = people.Index.Nearest(at, near);
        var culture = Cultures.Find(people.Hosts[near[0]].Culture) ?? Cultures.Imperial;
        var ship = string.Empty;
        var name = NameGenerator.Unique(names, () =>
        {
            ship = kind == "shipwreck" ? Pick(PoiTexts.ShipAdjectives, rng) + " " + Pick(PoiTexts.ShipNouns, rng) : string.Empty;
            return PoiName(Pick(PoiTexts.NamesFor(kind), rng), culture, ship, people.SettlementNames, rng);
        });

        // The teller lives in the nearest settlement; a second NPC comes from the next nearest, else from the same one.
        // Both are drawn among the least-named of their settlement, so one talkative farmer does not tell every tale.
        var a = people.Teller(near[0], -1, rng);
        var b = found == 2 ? people.Teller(near[1], -1, rng) : people.Teller(near[0], a, rng);
        var templates = PoiTexts.HooksFor(kind);
        var uses = people.TemplateUses(kind);
        var fewest = int.MaxValue;
        var fits = new List<int>();
        for (var t = 0; t < templates.Count; t++)
        {
            if (b < 0 && templates[t].Contains("{B}", StringComparison.Ordinal))
            {
                continue;
            }

            if (uses[t] < fewest)
            {
                fewest = uses[t];
                fits.Clear();
            }

            if (uses[t] == fewest)
            {
                fits.Add(t);
            }
        }

        var template = fits[rng.NextInt(fits.Count)];
        uses[template]++;
        var hook = new HookWriter(world, people, name, ship, species, enemy, a, b);
        var text = hook.Write(templates[template], rng);
        var region = world.RegionMap is { } map && map[at.X, at.Y] is > 0 and var r && r <= world.Regions.Count ? world.Regions[r - 1].Id : null;
        return new PointOfInterest(
            "poi-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, name, at, region,
            new QuestHook(text, hook.NpcIds(), hook.SettlementIds(), species?.Id));
    }

    private static string PoiName(string pattern, Culture culture, string ship, HashSet<string> settlementNames, ChaChaRng rng)
    {
        var word = string.Empty;
        if (pattern.Contains("{W}", StringComparison.Ordinal))
        {
            // A place called after a settlement would read as naming that settlement; a few tries find another word.
            for (var tries = 0; tries < 8 && (word.Length == 0 || settlementNames.Contains(word)); tries++)
            {
                word = NameGenerator.Word(culture, rng, 2, 2);
            }
        }

        var name = new StringBuilder(pattern);
        name.Replace("{W}", word)
            .Replace("{Adj}", pattern.Contains("{Adj}", StringComparison.Ordinal) ? Pick(PoiTexts.Adjectives, rng) : string.Empty)
            .Replace("{Abstract}", pattern.Contains("{Abstract}", StringComparison.Ordinal) ? Pick(PoiTexts.Abstracts, rng) : string.Empty)
            .Replace("{Ship}", ship);
        return name.ToString();
    }

    private static T Pick<T>(IReadOnlyList<T> options, ChaChaRng rng) => options[rng.NextInt(options.Count)];

    /// <summary>Fills a hook template and records exactly the NPCs and settlements the text names.</summary>
    private sealed class HookWriter(ForgeWorld world, Peopling people, string poi, string ship, Species? species, Faction? enemy, int a, int b)
    {
        private readonly SortedSet<int> _npcs = [];
        private readonly SortedSet<int> _settlements = [];

        public string Write(string template, ChaChaRng rng)
        {
            var text = new StringBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    text.Append(template[i]);
                    continue;
                }

                var close = template.IndexOf('}', i);
                var token = template[(i + 1)..close];
                i = close;
                var sentenceStart = text.Length == 0 || (text.Length >= 2 && text[^2] == '.' && text[^1] == ' ');
                text.Append(token switch
                {
                    "A" => Introduce(a),
                    "B" => Introduce(b),
                    "a" => NameOf(a),
                    "b" => NameOf(b),
                    "s1" => Settlement(people.SettlementOf(a)),
                    "poi" => MidSentence(poi, sentenceStart),
                    "ship" => ship,
                    "beast" => species!.Name,
                    "abeast" => ("AEIOU".Contains(species!.Name[0], StringComparison.Ordinal) ? "an " : "a ") + species.Name,
                    "enemy" => MidSentence(enemy!.Name, sentenceStart),
                    "kin" => Pick(PoiTexts.Kin, rng),
                    "loot" => Pick(PoiTexts.Loot, rng),
                    _ => throw new InvalidOperationException($"Unknown hook token {{{token}}}."),
                });
            }

            return text.ToString();
        }

        /// <summary>"The Grey Den" reads "the Grey Den" inside a sentence.</summary>
        private static string MidSentence(string name, bool sentenceStart) =>
            sentenceStart || !name.StartsWith("The ", StringComparison.Ordinal) ? name : "the" + name[3..];

        public string[] NpcIds() => _npcs.Select(n => world.Npcs[n].Id).ToArray();

        public string[] SettlementIds() => _settlements.Select(s => world.Settlements[s].Id).ToArray();

        private string NameOf(int npc)
        {
            if (_npcs.Add(npc))
            {
                people.Told(npc);
            }

            return world.Npcs[npc].Name;
        }

        private string Settlement(int settlement)
        {
            _settlements.Add(settlement);
            return world.Settlements[settlement].Name;
        }

        /// <summary>"Name, the reeve of Place" for a role held by one person, "Name, a farmer from Place" otherwise.</summary>
        private string Introduce(int npc)
        {
            var role = world.Npcs[npc].Role;
            var settlement = people.SettlementOf(npc);
            var home = Settlement(settlement);
            var phrase = !NpcRoles.IsUnique(role, world.Settlements[settlement].Size) ? $"{("aeiou".Contains(role[0], StringComparison.Ordinal) ? "an" : "a")} {role} from {home}"
                : role.Contains(" of ", StringComparison.Ordinal) ? $"the {role} in {home}"
                : $"the {role} of {home}";
            return NameOf(npc) + ", " + phrase;
        }
    }

    /// <summary>
    /// The settlements that have NPCs (hosts, in settlement order), the NPCs of each (positions in
    /// <see cref="ForgeWorld.Npcs"/>), and a spatial index over the hosts.
    /// </summary>
    private sealed class Peopling
    {
        private readonly int[] _settlementOfNpc;
        private readonly int[] _told;
        private readonly Dictionary<string, int[]> _templateUses = new(StringComparer.Ordinal);

        public Peopling(ForgeWorld world)
        {
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var s = 0; s < world.Settlements.Count; s++)
            {
                position[world.Settlements[s].Id] = s;
            }

            var npcsOf = new List<int>?[world.Settlements.Count];
            _settlementOfNpc = new int[world.Npcs.Count];
            for (var n = 0; n < world.Npcs.Count; n++)
            {
                var s = position.GetValueOrDefault(world.Npcs[n].SettlementId, -1);
                _settlementOfNpc[n] = s;
                if (s >= 0)
                {
                    (npcsOf[s] ??= []).Add(n);
                }
            }

            for (var s = 0; s < npcsOf.Length; s++)
            {
                if (npcsOf[s] is { } list)
                {
                    Hosts.Add(world.Settlements[s]);
                    NpcsOf.Add(list);
                }
            }

            Index = new SettlementIndex(Hosts.Select(h => h.Location).ToList(), world.Width, world.Height);
            _told = new int[world.Npcs.Count];
            SettlementNames = new HashSet<string>(world.Settlements.Select(s => s.Name), StringComparer.Ordinal);
        }

        /// <summary>Every settlement's name, for keeping them out of point-of-interest names (membership only).</summary>
        public HashSet<string> SettlementNames { get; }

        /// <summary>Settlements with at least one NPC, in settlement order.</summary>
        public List<Settlement> Hosts { get; } = [];

        /// <summary>Per host, its NPCs' positions in the world's list, in order.</summary>
        public List<List<int>> NpcsOf { get; } = [];

        /// <summary>Nearest-host queries; answers are host indexes.</summary>
        public SettlementIndex Index { get; }

        /// <summary>
        /// An NPC of host <paramref name="host"/> other than <paramref name="not"/>, drawn among those who have told the
        /// fewest hooks so far; -1 when the host has nobody else.
        /// </summary>
        public int Teller(int host, int not, ChaChaRng rng)
        {
            var fewest = int.MaxValue;
            var count = 0;
            foreach (var npc in NpcsOf[host])
            {
                if (npc != not && _told[npc] <= fewest)
                {
                    count = _told[npc] < fewest ? 1 : count + 1;
                    fewest = _told[npc];
                }
            }

            if (count == 0)
            {
                return -1;
            }

            var pick = rng.NextInt(count);
            foreach (var npc in NpcsOf[host])
            {
                if (npc != not && _told[npc] == fewest && pick-- == 0)
                {
                    return npc;
                }
            }

            throw new InvalidOperationException("Unreachable: the count above found a teller.");
        }

        /// <summary>Counts one more hook told by (naming) NPC <paramref name="npc"/>.</summary>
        public void Told(int npc) => _told[npc]++;

        /// <summary>How often each hook template of <paramref name="kind"/> has been used so far (updated by the caller).</summary>
        public int[] TemplateUses(string kind)
        {
            if (!_templateUses.TryGetValue(kind, out var uses))
            {
                uses = new int[PoiTexts.HooksFor(kind).Count];
                _templateUses[kind] = uses;
            }

            return uses;
        }

        /// <summary>The position in the world's settlement list of the home of NPC <paramref name="npc"/>.</summary>
        public int SettlementOf(int npc) => _settlementOfNpc[npc];
    }
}
