using System.Text.RegularExpressions;
using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Tests.Naming;

public sealed partial class NameGeneratorTests
{
    private static ChaChaRng Stream(string name) => ChaChaRng.ForStage("names"u8, name);

    public static TheoryData<string> CultureIds() => [.. Cultures.All.Select(c => c.Id)];

    private static List<string> Sample(Culture culture, ChaChaRng rng, int count = 300) =>
        [.. Enumerable.Range(0, count).SelectMany(_ => new[] { NameGenerator.PersonName(culture, rng), NameGenerator.PlaceName(culture, rng), NameGenerator.Word(culture, rng) })];

    [Theory]
    [MemberData(nameof(CultureIds))]
    public void SameStream_GivesSameNames(string culture)
    {
        var c = Cultures.Find(culture)!;

        Assert.Equal(Sample(c, Stream("same")), Sample(c, Stream("same")));
    }

    [Theory]
    [MemberData(nameof(CultureIds))]
    public void OtherStream_GivesOtherNames(string culture)
    {
        var c = Cultures.Find(culture)!;

        Assert.NotEqual(Sample(c, Stream("one")), Sample(c, Stream("two")));
    }

    [Theory]
    [MemberData(nameof(CultureIds))]
    public void Names_UseOnlyTheLettersOfTheirCulture(string culture)
    {
        var c = Cultures.Find(culture)!;
        var alphabet = string.Concat(c.Onsets.Concat(c.Nuclei).Concat(c.Codas).Concat(c.PlaceEndings).Append(c.PatronymSuffix).Append(c.FamilyPattern == "place" ? "of" : ""));

        foreach (var name in Sample(c, Stream("letters")))
        {
            Assert.All(name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal), ch => Assert.Contains(ch, alphabet));
        }
    }

    [Fact]
    public void NordicAndDesertNames_KeepTheirOwnLetters()
    {
        var nordic = Sample(Cultures.Nordic, Stream("nordic"));
        var desert = Sample(Cultures.Desert, Stream("desert"));

        // q and z are desert letters; v, g, l and w never occur in desert names.
        Assert.DoesNotContain(nordic, n => DesertSounds().IsMatch(n));
        Assert.True(desert.Count(n => DesertSounds().IsMatch(n)) > desert.Count / 4, "desert names should often have q or z");
        Assert.DoesNotContain(desert, n => NordicSounds().IsMatch(n));
        Assert.True(nordic.Count(n => NordicSounds().IsMatch(n)) > nordic.Count / 4, "nordic names should often have v, g, l or w");
    }

    [Fact]
    public void Cultures_GiveMostlyDifferentNames()
    {
        var samples = Cultures.All.Select(c => Sample(c, Stream("overlap"), 200).ToHashSet()).ToList();

        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = i + 1; j < samples.Count; j++)
            {
                Assert.True(samples[i].Intersect(samples[j]).Count() < 10, $"{Cultures.All[i].Id} and {Cultures.All[j].Id} share many names");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CultureIds))]
    public void Names_AreCapitalised(string culture)
    {
        var c = Cultures.Find(culture)!;
        var rng = Stream("capitals");

        for (var i = 0; i < 300; i++)
        {
            foreach (var name in new[] { NameGenerator.PersonName(c, rng), NameGenerator.PlaceName(c, rng), NameGenerator.GivenName(c, rng), NameGenerator.FamilyName(c, rng) })
            {
                // Every word is a capital then lower case, except the connectives "of" and "ibn".
                Assert.All(name.Split(' '), word => Assert.Matches(@"^([A-Z][a-z]+|of|ibn)$", word));
                Assert.Matches("^[A-Z]", name.Split(' ').First(w => w is not ("of" or "ibn")));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CultureIds))]
    public void GivenNames_AreSayable(string culture)
    {
        var c = Cultures.Find(culture)!;
        var rng = Stream("sayable");

        for (var i = 0; i < 500; i++)
        {
            var given = NameGenerator.GivenName(c, rng);
            Assert.InRange(given.Length, 2, 14);
            Assert.DoesNotMatch("[^aeiouy]{4}", given.ToLowerInvariant());
            Assert.Matches("[aeiouy]", given.ToLowerInvariant());
        }
    }

    [Fact]
    public void FamilyNameFrom_FollowsTheCulturesPattern()
    {
        Assert.Equal("Rasson", NameGenerator.FamilyNameFrom(Cultures.Nordic, "Ras", "Torvikson"));
        Assert.Equal("ibn Rashid", NameGenerator.FamilyNameFrom(Cultures.Desert, "Rashid", "ibn Kaz"));
        Assert.Equal("Elaseth", NameGenerator.FamilyNameFrom(Cultures.Sylvan, "Fiemir", "Elaseth"));
        Assert.Equal("of Dunmore", NameGenerator.FamilyNameFrom(Cultures.Highland, "Cicca", "of Dunmore"));
    }

    [Fact]
    public void Unique_ReturnsUnusedNames_EvenWhenTheMakerRepeatsItself()
    {
        var used = new HashSet<string> { "Vik", "Vik 2" };

        var first = NameGenerator.Unique(used, () => "Vik");
        var second = NameGenerator.Unique(used, () => "Vik");

        Assert.Equal("Vik 3", first);
        Assert.Equal("Vik 4", second);
        Assert.Equal(4, used.Count);
    }

    [Fact]
    public void Unique_ManyDraws_AllDistinct_AndRecorded()
    {
        var used = new HashSet<string>();
        var rng = Stream("unique");

        // Far more names than two-syllable words with few letters can give: the numbered fallback must kick in.
        var names = Enumerable.Range(0, 3000).Select(_ => NameGenerator.Unique(used, () => NameGenerator.Word(Cultures.Maritime, rng, 1, 1))).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names.Count, used.Count);
        Assert.Contains(names, n => n.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Word_RejectsBadSyllableCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NameGenerator.Word(Cultures.Nordic, Stream("bad"), 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NameGenerator.Word(Cultures.Nordic, Stream("bad"), 3, 2));
    }

    [GeneratedRegex("[qz]", RegexOptions.IgnoreCase)]
    private static partial Regex DesertSounds();

    [GeneratedRegex("[vglw]", RegexOptions.IgnoreCase)]
    private static partial Regex NordicSounds();
}
