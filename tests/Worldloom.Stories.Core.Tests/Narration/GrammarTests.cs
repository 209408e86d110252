using Worldloom.Forge.Core.Random;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Core.Tests.Narration;

public sealed class GrammarTests
{
    private static ChaChaRng Rng() => new(new byte[32]);

    [Fact]
    public void Expand_NestsSymbolsAndBindingsAndTidiesSpaces()
    {
        var grammar = new Grammar(new Dictionary<string, string[]> { ["s"] = ["#a# {x} #b#."], ["a"] = ["hello"], ["b"] = [""] });
        Assert.Equal("hello world.", grammar.Expand("s", new Dictionary<string, string> { ["x"] = "world" }, Rng()));
    }

    [Fact]
    public void Expand_UnknownSymbolOrBinding_Throws()
    {
        var grammar = new Grammar(new Dictionary<string, string[]> { ["s"] = ["#missing#"], ["t"] = ["{unbound}"] });
        Assert.Throws<InvalidOperationException>(() => grammar.Expand("s", new Dictionary<string, string>(), Rng()));
        Assert.Throws<InvalidOperationException>(() => grammar.Expand("t", new Dictionary<string, string>(), Rng()));
    }

    [Fact]
    public void Expand_Cycle_StopsAtTheDepthLimit()
    {
        var grammar = new Grammar(new Dictionary<string, string[]> { ["s"] = ["again #s#"] });
        Assert.Throws<InvalidOperationException>(() => grammar.Expand("s", new Dictionary<string, string>(), Rng()));
    }

    [Fact]
    public void NarratorGrammar_EverySymbolExpandsWithTheNarratorsBindings()
    {
        var bindings = new Dictionary<string, string>();
        foreach (var name in new[] { "name", "Name", "pos", "other", "Other", "place", "Place", "landmark", "Landmark", "landmark_at", "time", "sky", "Sky", "names", "Names", "item", "Item", "key", "far", "dir", "react" })
        {
            bindings[name] = name;
        }

        var rng = Rng();
        var grammar = NarratorGrammar.Instance;
        foreach (var symbol in NarratorGrammar.Symbols)
        {
            for (var i = 0; i < 20; i++)
            {
                var text = grammar.Expand(symbol, bindings, rng);
                Assert.DoesNotContain("#", text, StringComparison.Ordinal);
                Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
            }
        }
    }
}
