using SkiaSharp;
using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>A signature item as the painter shows it: long in the hand, worn on the chest, or small in the hand.</summary>
/// <param name="Shape">How it is drawn.</param>
/// <param name="Colour">Its colour: a colour or material its name gives, else one seeded from the name.</param>
internal sealed record HeldItem(HeldShape Shape, SKColor Colour)
{
    private static readonly string[] Long =
        ["sword", "spear", "staff", "bow", "crook", "stick", "cane", "pole", "axe", "hammer", "blade", "lance", "rod", "wand", "torch", "pike", "scythe", "pickaxe", "quill"];

    private static readonly string[] Worn = ["locket", "amulet", "pendant", "necklace", "brooch", "medallion", "badge", "beads"];

    private static readonly (string Word, string Colour)[] Materials =
    [
        ("golden", "gold"), ("brass", "gold"), ("iron", "grey"), ("steel", "silver"), ("wooden", "brown"), ("wood", "brown"),
        ("oak", "brown"), ("leather", "brown"), ("bone", "ivory"), ("stone", "grey"), ("glass", "teal"), ("jade", "green"),
    ];

    /// <summary>The look of the item named <paramref name="name"/>.</summary>
    public static HeldItem Of(string name)
    {
        var words = name.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        var shape = words.Any(w => Long.Contains(w)) ? HeldShape.Long : words.Any(w => Worn.Contains(w)) ? HeldShape.Worn : HeldShape.Small;
        var colour = words.Select(w => StoryColours.Find(w)?.Name ?? Materials.FirstOrDefault(m => m.Word == w).Colour).FirstOrDefault(c => c is not null)
            ?? StoryColours.All[new Seed(name, "item").Pick(StoryColours.All.Count)].Name;
        return new HeldItem(shape, Paints.Story(colour, SKColors.Gray));
    }
}

/// <summary>How a held item is drawn.</summary>
internal enum HeldShape
{
    /// <summary>A staff, sword or spear: a long line in the hand.</summary>
    Long = 0,

    /// <summary>A locket or amulet: a small disc on the chest.</summary>
    Worn = 1,

    /// <summary>Anything else: a small bundle in the hand.</summary>
    Small = 2,
}
