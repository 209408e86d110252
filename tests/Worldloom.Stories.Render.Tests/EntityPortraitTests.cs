using SkiaSharp;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Tests;

public sealed class EntityPortraitTests
{
    [Fact]
    public void A_character_portrait_shows_the_bible_colours_and_is_stable()
    {
        var png = EntityPortrait.Png(Plans.Mira, 256, 256);
        Assert.Equal(png, EntityPortrait.Png(Plans.Mira, 256, 256));

        using var image = SKBitmap.Decode(png);
        Assert.Equal((256, 256), (image.Width, image.Height));
        var colours = Enumerable.Range(0, 256).SelectMany(y => Enumerable.Range(0, 256).Select(x => image.GetPixel(x, y))).ToHashSet();
        Assert.Contains(new SKColor(0xC0, 0x26, 0x2D), colours);
        Assert.Contains(new SKColor(0xF3, 0xE9, 0xC6), colours);
        Assert.DoesNotContain(new SKColor(0x1F, 0x2A, 0x5A), colours);
    }

    [Fact]
    public void Locations_and_creatures_have_portraits_of_their_own()
    {
        var tower = EntityPortrait.Png(Plans.Tower, 320, 180);
        var river = EntityPortrait.Png(Plans.River, 320, 180);
        Assert.NotEqual(tower, river);
        using var wolf = SKBitmap.Decode(EntityPortrait.Png(Plans.Wolf, 128, 128));
        Assert.Contains(new SKColor(0x80, 0x80, 0x80), Enumerable.Range(0, 128).SelectMany(y => Enumerable.Range(0, 128).Select(x => wolf.GetPixel(x, y))));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityPortrait.Png(Plans.Wolf, 8, 128));
    }
}
