using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>Writers of the document's lists; each writes one item as an object with its keys in JCS order.</summary>
public static partial class WorldDocument
{
    private static void WriteSettlement(CanonicalJsonWriter w, Settlement s)
    {
        w.StartObject();
        Str(w, "biome", BiomeNames.ToName(s.Biome));
        w.Name("coastal");
        w.Boolean(s.Coastal);
        Str(w, "culture", s.Culture);
        OptionalStr(w, "factionId", s.FactionId);
        w.Name("freshWater");
        w.Boolean(s.FreshWater);
        Str(w, "id", s.Id);
        w.Name("isCapital");
        w.Boolean(s.IsCapital);
        Point(w, "location", s.Location);
        Str(w, "name", s.Name);
        Int(w, "population", s.Population);
        OptionalStr(w, "regionId", s.RegionId);
        Str(w, "size", SettlementSizeName(s.Size));
        w.EndObject();
    }

    private static void WriteRoad(CanonicalJsonWriter w, Road r)
    {
        w.StartObject();
        Int(w, "cost", r.Cost);
        Str(w, "from", r.From);
        Str(w, "id", r.Id);
        Path(w, r.Path);
        Str(w, "to", r.To);
        w.EndObject();
    }

    private static void WriteRiver(CanonicalJsonWriter w, River r)
    {
        w.StartObject();
        Int(w, "flow", r.Flow);
        Str(w, "id", r.Id);
        OptionalStr(w, "lakeId", r.LakeId);
        Str(w, "mouth", RiverMouthName(r.Mouth));
        Str(w, "name", r.Name);
        Path(w, r.Path);
        w.EndObject();
    }

    private static void WriteLake(CanonicalJsonWriter w, Lake l)
    {
        w.StartObject();
        Int(w, "cells", l.Cells);
        Point(w, "centre", l.Centre);
        Str(w, "id", l.Id);
        Str(w, "name", l.Name);
        Int(w, "surface", l.Surface);
        w.EndObject();
    }

    private static void WriteRegion(CanonicalJsonWriter w, Region r)
    {
        w.StartObject();
        Str(w, "biome", BiomeNames.ToName(r.Biome));
        Int(w, "cells", r.Cells);
        Str(w, "factionId", r.FactionId);
        Str(w, "id", r.Id);
        Str(w, "name", r.Name);
        Str(w, "seatId", r.SeatId);
        w.EndObject();
    }

    private static void WriteFaction(CanonicalJsonWriter w, Faction f)
    {
        w.StartObject();
        Str(w, "capitalId", f.CapitalId);
        Str(w, "color", ColorText(f.Color));
        Str(w, "culture", f.Culture);
        Str(w, "id", f.Id);
        Str(w, "name", f.Name);
        w.Name("relations");
        w.StartArray();
        foreach (var relation in f.Relations)
        {
            w.StartObject();
            Str(w, "factionId", relation.FactionId);
            Str(w, "stance", relation.Stance);
            Int(w, "standing", relation.Standing);
            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
    }

    private static void WriteNpc(CanonicalJsonWriter w, Npc n)
    {
        w.StartObject();
        Int(w, "age", n.Age);
        Str(w, "culture", n.Culture);
        OptionalStr(w, "factionId", n.FactionId);
        Str(w, "id", n.Id);
        Str(w, "name", n.Name);
        w.Name("relationships");
        w.StartArray();
        foreach (var tie in n.Relationships)
        {
            w.StartObject();
            Str(w, "kind", tie.Kind);
            Str(w, "npcId", tie.NpcId);
            w.EndObject();
        }

        w.EndArray();
        Str(w, "role", n.Role);
        Str(w, "settlementId", n.SettlementId);
        Strings(w, "traits", n.Traits);
        w.EndObject();
    }

    private static void WriteSpecies(CanonicalJsonWriter w, Species s)
    {
        w.StartObject();
        Strings(w, "behaviours", s.Behaviours);
        Strings(w, "biomes", s.Biomes.Select(BiomeNames.ToName));
        Str(w, "family", s.Family);
        w.Name("genes");
        w.StartArray();
        foreach (var gene in s.Genes)
        {
            w.StartObject();
            Int(w, "max", gene.Max);
            Int(w, "min", gene.Min);
            Str(w, "name", gene.Name);
            w.EndObject();
        }

        w.EndArray();
        Str(w, "id", s.Id);
        Str(w, "name", s.Name);
        w.Name("stats");
        w.StartObject();
        Int(w, "attack", s.Stats.Attack);
        Int(w, "defense", s.Stats.Defense);
        Int(w, "health", s.Stats.Health);
        Int(w, "perception", s.Stats.Perception);
        Int(w, "speed", s.Stats.Speed);
        w.EndObject();
        Int(w, "threat", s.Threat);
        w.EndObject();
    }

    private static void WritePointOfInterest(CanonicalJsonWriter w, PointOfInterest p)
    {
        w.StartObject();
        w.Name("hook");
        w.StartObject();
        Strings(w, "npcIds", p.Hook.NpcIds);
        Strings(w, "settlementIds", p.Hook.SettlementIds);
        OptionalStr(w, "speciesId", p.Hook.SpeciesId);
        Str(w, "text", p.Hook.Text);
        w.EndObject();
        Str(w, "id", p.Id);
        Str(w, "kind", p.Kind);
        Point(w, "location", p.Location);
        Str(w, "name", p.Name);
        OptionalStr(w, "regionId", p.RegionId);
        w.EndObject();
    }

    /// <summary>The wire name of a settlement size (lower case).</summary>
    public static string SettlementSizeName(SettlementSize size) => size switch
    {
        SettlementSize.Hamlet => "hamlet",
        SettlementSize.Village => "village",
        SettlementSize.Town => "town",
        SettlementSize.City => "city",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown settlement size."),
    };

    /// <summary>The wire name of a river mouth kind (lower case).</summary>
    public static string RiverMouthName(RiverMouth mouth) => mouth switch
    {
        RiverMouth.Sea => "sea",
        RiverMouth.Lake => "lake",
        RiverMouth.River => "river",
        _ => throw new ArgumentOutOfRangeException(nameof(mouth), mouth, "Unknown river mouth."),
    };

    private static string ColorText(int color) =>
        (uint)color <= 0xFFFFFF
            ? "#" + color.ToString("x6", System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(color), color, "A faction colour is 0xRRGGBB.");
}
