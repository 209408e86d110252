using SkiaSharp;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Everything the painter needs to draw one entity, resolved from its bible entry and what the shot adds (garments
/// and look the shot names replace the bible's; items it holds are added). The resolution is a function of the entity
/// and the shot subject alone (defaults are seeded from the entity id), which is what makes the same entity look the
/// same in every segment.
/// </summary>
internal sealed record FigureLook
{
    // Natural skin tones for people whose bible names none; the story colours are garment colours and too loud for skin.
    private static readonly SKColor[] SkinTones =
    [
        new(255, 219, 172), new(241, 194, 125), new(224, 172, 105), new(198, 134, 66), new(141, 85, 36), new(110, 70, 40),
    ];
    private static readonly string[] PlainCloth = ["brown", "grey", "olive", "tan", "navy", "russet"];

    public required EntityKind Kind { get; init; }

    /// <summary>Figure height in design pixels at full scale.</summary>
    public required float Height { get; init; }

    /// <summary>Width factor (1: average build).</summary>
    public required float Width { get; init; }

    public required SKColor Body { get; init; }

    public SKColor Hair { get; init; }

    public int HairStyle { get; init; }

    public SKColor Eyes { get; init; }

    public SKColor Torso { get; init; }

    public SKColor Legs { get; init; }

    public SKColor Feet { get; init; }

    public SKColor? Cloak { get; init; }

    public SKColor? Robe { get; init; }

    public SKColor? Headwear { get; init; }

    public bool Hood { get; init; }

    public SKColor? Belt { get; init; }

    public SKColor? Apron { get; init; }

    public bool PointedEars { get; init; }

    public IReadOnlyList<HeldItem> Items { get; init; } = [];

    /// <summary>The creature's or prop's shape (0..2), seeded or from its family.</summary>
    public int Shape { get; init; }

    /// <summary>The look of <paramref name="entity"/> as <paramref name="subject"/> shows it (null: as the bible has it).</summary>
    public static FigureLook Resolve(BibleEntity entity, ShotSubject? subject)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var attributes = new Dictionary<string, string>(entity.Attributes, StringComparer.Ordinal);
        if (subject is not null)
        {
            foreach (var (name, value) in subject.Look)
            {
                attributes[name] = value;
            }
        }

        return entity.Kind switch
        {
            EntityKind.Character => Person(entity, attributes, subject),
            EntityKind.Creature => Creature(entity, attributes),
            _ => Prop(entity, attributes),
        };
    }

    private static FigureLook Person(BibleEntity entity, Dictionary<string, string> attributes, ShotSubject? subject)
    {
        var seed = new Seed(entity.Id, "person");
        var (height, width) = attributes.GetValueOrDefault("build") switch
        {
            "slight" => (0.95f, 0.82f),
            "slim" or "lean" => (1f, 0.88f),
            "tall" => (1.1f, 0.95f),
            "broad" => (1f, 1.22f),
            "heavy" => (0.98f, 1.32f),
            "stocky" => (0.92f, 1.2f),
            "sturdy" => (1f, 1.1f),
            _ => (1f, 1f),
        };
        var species = attributes.GetValueOrDefault("species") ?? "human";
        if (HasWord(species, "dwarf"))
        {
            (height, width) = (height * 0.78f, width * 1.2f);
        }
        else if (HasWord(species, "halfling") || HasWord(species, "gnome"))
        {
            height *= 0.68f;
        }

        if (attributes.GetValueOrDefault("age") == "child")
        {
            height *= 0.7f;
        }

        var garments = new List<Garment>();
        if (subject is not null)
        {
            garments.AddRange(subject.Wearing);
        }

        // The shot's garments come first, so a garment the shot names replaces the bible's of the same slot.
        garments.AddRange(entity.Clothing);
        var slots = new Dictionary<GarmentSlot, SKColor>();
        foreach (var garment in garments)
        {
            slots.TryAdd(SlotOf(garment.Item), Paints.Story(garment.Colour, SKColors.Gray));
        }

        var items = entity.Items.Concat(subject?.Holding ?? []).Distinct(StringComparer.Ordinal).Select(HeldItem.Of).ToList();
        var plain = Paints.Story(PlainCloth[seed.Pick(PlainCloth.Length)], SKColors.Gray);
        var skinDefault = HasWord(species, "orc") ? Paints.Story("olive", SKColors.Olive) : SkinTones[seed.Pick(SkinTones.Length)];
        return new FigureLook
        {
            Kind = EntityKind.Character,
            Height = 330f * height,
            Width = width,
            Body = Paints.Story(attributes.GetValueOrDefault("skin"), skinDefault),
            Hair = Paints.Story(attributes.GetValueOrDefault("hair") ?? "brown", SKColors.Brown),
            HairStyle = seed.Pick(3),
            Eyes = Paints.Story(attributes.GetValueOrDefault("eyes") ?? "brown", SKColors.Brown),
            Torso = slots.TryGetValue(GarmentSlot.Torso, out var torso) ? torso : plain,
            Legs = slots.TryGetValue(GarmentSlot.Legs, out var legs) ? legs : Paints.Story("brown", SKColors.Brown),
            Feet = slots.TryGetValue(GarmentSlot.Feet, out var feet) ? feet : Paints.Story("black", SKColors.Black),
            Cloak = slots.TryGetValue(GarmentSlot.Cloak, out var cloak) ? cloak : null,
            Robe = slots.TryGetValue(GarmentSlot.Robe, out var robe) ? robe : null,
            Headwear = slots.TryGetValue(GarmentSlot.Head, out var head) ? head : null,
            Hood = garments.Any(g => HasWord(g.Item, "hood") || HasWord(g.Item, "cowl")),
            Belt = slots.TryGetValue(GarmentSlot.Belt, out var belt) ? belt : null,
            Apron = slots.TryGetValue(GarmentSlot.Apron, out var apron) ? apron : null,
            PointedEars = HasWord(species, "elf") || HasWord(species, "elven"),
            Items = items,
        };
    }

    private static FigureLook Creature(BibleEntity entity, Dictionary<string, string> attributes)
    {
        var seed = new Seed(entity.Id, "creature");
        var family = attributes.GetValueOrDefault("family") ?? attributes.GetValueOrDefault("species") ?? "";
        var shape = Family(family, ["bird", "hawk", "eagle", "crow", "raven", "owl", "bat", "griffin"]) ? 1
            : Family(family, ["snake", "serpent", "wyrm", "eel", "worm", "naga"]) ? 2
            : 0;
        return new FigureLook
        {
            Kind = EntityKind.Creature,
            Height = 330f * SizeOf(attributes.GetValueOrDefault("size"), 0.5f),
            Width = 1f + (seed.Unit() * 0.3f),
            Body = Paints.Story(attributes.GetValueOrDefault("colour") ?? "brown", SKColors.Brown),
            Eyes = Paints.Story(attributes.GetValueOrDefault("eyes") ?? "amber", SKColors.Orange),
            Shape = shape,
        };
    }

    private static FigureLook Prop(BibleEntity entity, Dictionary<string, string> attributes)
    {
        var seed = new Seed(entity.Id, "prop");
        return new FigureLook
        {
            Kind = entity.Kind,
            Height = 330f * SizeOf(attributes.GetValueOrDefault("size"), 0.25f),
            Width = 1f,
            Body = Paints.Story(attributes.GetValueOrDefault("colour") ?? "brown", SKColors.Brown),
            Shape = seed.Pick(3),
        };
    }

    private static float SizeOf(string? size, float medium) => size switch
    {
        "tiny" => medium * 0.3f,
        "small" => medium * 0.6f,
        "large" => medium * 1.6f,
        "huge" => medium * 2.4f,
        _ => medium,
    };

    private static GarmentSlot SlotOf(string item)
    {
        if (Any(item, "cloak", "cape", "mantle", "shawl"))
        {
            return GarmentSlot.Cloak;
        }

        if (Any(item, "robe", "robes", "dress", "gown", "habit", "kaftan", "vestments"))
        {
            return GarmentSlot.Robe;
        }

        if (Any(item, "hat", "hood", "cap", "helm", "helmet", "crown", "circlet", "bonnet", "cowl", "turban", "headscarf"))
        {
            return GarmentSlot.Head;
        }

        if (Any(item, "boots", "boot", "shoes", "shoe", "sandals", "slippers", "clogs"))
        {
            return GarmentSlot.Feet;
        }

        if (Any(item, "trousers", "breeches", "leggings", "skirt", "kilt", "hose", "pants"))
        {
            return GarmentSlot.Legs;
        }

        if (Any(item, "belt", "sash", "girdle", "scarf"))
        {
            return GarmentSlot.Belt;
        }

        return Any(item, "apron") ? GarmentSlot.Apron : GarmentSlot.Torso;
    }

    private static bool Family(string family, string[] words) => words.Any(w => HasWord(family, w));

    private static bool Any(string phrase, params string[] words) => words.Any(w => HasWord(phrase, w));

    /// <summary>Whether <paramref name="phrase"/> has <paramref name="word"/> as a whole word.</summary>
    public static bool HasWord(string phrase, string word) =>
        phrase.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);

    private enum GarmentSlot
    {
        Torso,
        Legs,
        Feet,
        Cloak,
        Robe,
        Head,
        Belt,
        Apron,
    }
}
