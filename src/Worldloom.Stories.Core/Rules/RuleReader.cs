using System.Globalization;
using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Core.Rules;

/// <summary>The recursive-descent reader of one rule's tokens; each method is one production of the grammar.</summary>
internal sealed class RuleReader(List<RuleToken> tokens, int line, string defaultId, string source)
{
    private static readonly string[] Articles = ["a", "an", "the", "her", "his", "their", "its"];
    private static readonly EntityKind[] Living = [EntityKind.Character, EntityKind.Creature];
    private static readonly EntityKind[] AnyKind = [EntityKind.Character, EntityKind.Location, EntityKind.Prop, EntityKind.Creature];

    private int _at;
    private string _id = defaultId;
    private int _bodyColumn = 1;
    private int _subjectColumn = 1;

    private RuleToken Next => tokens[_at];

    /// <summary>rule = [ label ":" ] body END.</summary>
    public StoryRule Rule()
    {
        if (tokens.Count > 2 && tokens[1].Kind == RuleTokenKind.Colon)
        {
            var label = Take();
            if (label.Kind != RuleTokenKind.Word || !RuleIds.IsValid(label.Text))
            {
                Fail(label, "a label of a lower-case letter then letters, digits or underscores (at most 40)");
            }

            _id = label.Text;
            _at++;
        }

        _bodyColumn = Next.Column;
        var rule = Body();
        if (Next.Kind != RuleTokenKind.End)
        {
            Fail(Next, "the end of the rule");
        }

        return rule;
    }

    private StoryRule Body()
    {
        if (Next.Is("no"))
        {
            _at++;
            return Forbid();
        }

        _subjectColumn = Next.Column;
        var (entity, kind) = Entity(AnyKind, "an entity id (char_, loc_, prop_ or beast_) or \"no\"");
        var verb = Next;
        if (verb.Is("always"))
        {
            _at++;
            RequireKind(entity, kind, [EntityKind.Character], "wears and carries rules are about characters");
            return Always(entity);
        }

        if (verb.Is("never"))
        {
            _at++;
            return Never(entity, kind);
        }

        if (verb.Is("is") || verb.Is("are"))
        {
            _at++;
            return IsRule(entity, kind);
        }

        if (verb.Is("dies"))
        {
            _at++;
            RequireKind(entity, kind, Living, "only characters and creatures die");
            Expect(["in", "during"], "\"in\" or \"during\"");
            Expect(["segment"], "\"segment\"");
            return new DeathRule { Id = _id, Text = Text(), EntityId = entity, AfterSegment = Segment() };
        }

        if (verb.Kind == RuleTokenKind.Word && EntityAttributes.Find(verb.Text) is { } attribute)
        {
            _at++;
            return AttributeRule(entity, kind, attribute);
        }

        return Fail<StoryRule>(verb, $"\"always\", \"never\", \"is\", \"dies\" or an attribute ({string.Join(", ", EntityAttributes.All.Select(a => a.Name))})");
    }

    // forbid = "no" term { ( "," | "or" | "and" ) term }.
    private ForbiddenTermsRule Forbid()
    {
        var terms = new List<string> { Term() };
        while (Next.Kind == RuleTokenKind.Comma || Next.Is("or") || Next.Is("and"))
        {
            _at++;
            terms.Add(Term());
        }

        return new ForbiddenTermsRule { Id = _id, Text = Text(), Terms = terms.Distinct(StringComparer.Ordinal).ToList() };
    }

    // term = quoted | word { word }, stopping at a comma, "or", "and" or the end.
    private string Term()
    {
        if (Next.Kind == RuleTokenKind.Quoted)
        {
            var quoted = Take();
            return quoted.Text.Length > 0 && EntityAttributes.CheckWords(quoted.Text) is null
                ? quoted.Text
                : Fail(quoted, "a term of lower-case words (letters, spaces, hyphens)");
        }

        var words = new List<string>();
        while (Next.Kind == RuleTokenKind.Word && !Next.Is("or") && !Next.Is("and"))
        {
            words.Add(Take().Text);
        }

        return words.Count > 0 ? string.Join(' ', words) : Fail(Next, "a forbidden term (a word or a \"quoted phrase\")");
    }

    // always = "always" ( "wears" [ article ] [ colour ] item | "carries" [ article ] item ).
    private StoryRule Always(string entity)
    {
        var verb = Next;
        if (!verb.Is("wears") && !verb.Is("carries"))
        {
            Fail(verb, "\"wears\" or \"carries\"");
        }

        _at++;
        SkipArticle();
        if (verb.Is("carries"))
        {
            return new AlwaysCarriesRule { Id = _id, Text = Text(), EntityId = entity, Item = Item("an item, such as \"silver locket\"") };
        }

        string? colour = null;
        if (Next.Kind == RuleTokenKind.Word && StoryColours.IsColour(Next.Text))
        {
            colour = Take().Text;
        }

        var item = Item(colour is null ? "a colour or a garment, such as \"red cloak\"" : $"a garment after \"{colour}\"");
        return new AlwaysWearsRule { Id = _id, Text = Text(), EntityId = entity, Colour = colour, Item = item };
    }

    // never = "never" ( "speaks" | "appears" "with" entity ).
    private StoryRule Never(string entity, EntityKind kind)
    {
        if (Next.Is("speaks"))
        {
            _at++;
            RequireKind(entity, kind, Living, "only characters and creatures speak");
            return new SilentRule { Id = _id, Text = Text(), EntityId = entity };
        }

        if (Next.Is("appears"))
        {
            _at++;
            Expect(["with"], "\"with\"");
            var (other, _) = Entity(AnyKind, "an entity id after \"with\"");
            return other == entity
                ? Fail<StoryRule>(tokens[_at - 1], "an entity other than the first")
                : new ApartRule { Id = _id, Text = Text(), EntityId = entity, OtherId = other };
        }

        return Fail<StoryRule>(Next, "\"speaks\" or \"appears with\"");
    }

    // is_rule = ( "is" | "are" ) ( direction "of" entity | "dead" [ "after" "segment" number ] ).
    private StoryRule IsRule(string entity, EntityKind kind)
    {
        if (Next.Is("dead"))
        {
            _at++;
            RequireKind(entity, kind, Living, "only characters and creatures die");
            var after = 0;
            if (Next.Is("after"))
            {
                _at++;
                Expect(["segment"], "\"segment\"");
                after = Segment();
            }

            return new DeathRule { Id = _id, Text = Text(), EntityId = entity, AfterSegment = after };
        }

        if (Next.Kind == RuleTokenKind.Word && CompassNames.Names.TryParse(Next.Text.Replace("-", "", StringComparison.Ordinal), out var direction))
        {
            _at++;
            RequireKind(entity, kind, [EntityKind.Location], "directions relate locations");
            Expect(["of"], "\"of\"");
            var (other, _) = Entity([EntityKind.Location], "a location id (loc_...) after \"of\"");
            return other == entity
                ? Fail<StoryRule>(tokens[_at - 1], "a location other than the first")
                : new DirectionRule { Id = _id, Text = Text(), EntityId = entity, Direction = direction, OtherId = other };
        }

        return Fail<StoryRule>(Next, $"\"dead\" or a direction ({CompassNames.Names.Describe()})");
    }

    // attribute_rule = attribute ( "is" | "are" ) value.
    private StoryRule AttributeRule(string entity, EntityKind kind, EntityAttribute attribute)
    {
        Expect(["is", "are"], "\"is\" or \"are\"");
        var start = Next;
        var value = Item($"a value for {attribute.Name}");
        if (EntityAttributes.Check(kind, attribute.Name, value) is { } problem)
        {
            throw new Failure(new RuleSyntaxError(line, start.Column, "a valid value: " + problem.TrimEnd('.'), $"\"{value}\""));
        }

        return new AttributeRule { Id = _id, Text = Text(), EntityId = entity, Attribute = attribute.Name, Value = value };
    }

    private (string Id, EntityKind Kind) Entity(IReadOnlyList<EntityKind> kinds, string expected)
    {
        var token = Next;
        var text = token.Text.EndsWith("'s", StringComparison.Ordinal) ? token.Text[..^2] : token.Text;
        if (token.Kind != RuleTokenKind.Word || EntityIds.KindOf(text) is not { } kind)
        {
            return Fail<(string, EntityKind)>(token, expected);
        }

        if (!kinds.Contains(kind))
        {
            Fail(token, expected);
        }

        _at++;
        return (text, kind);
    }

    private string Item(string expected)
    {
        var start = Next;
        var words = new List<string>();
        while (Next.Kind == RuleTokenKind.Word)
        {
            words.Add(Take().Text);
        }

        if (words.Count == 0)
        {
            Fail(Next, expected);
        }

        var item = string.Join(' ', words);
        return EntityAttributes.CheckWords(item) is { } problem
            ? Fail(start, "plain words: " + problem.TrimEnd('.'))
            : item;
    }

    private int Segment()
    {
        var token = Next;
        if (token.Kind == RuleTokenKind.Word && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 9999)
        {
            _at++;
            return n;
        }

        return Fail<int>(token, "a segment number from 0 to 9999");
    }

    private void SkipArticle()
    {
        if (Next.Kind == RuleTokenKind.Word && Articles.Contains(Next.Text))
        {
            _at++;
        }
    }

    private void Expect(string[] words, string expected)
    {
        if (!words.Any(Next.Is))
        {
            Fail(Next, expected);
        }

        _at++;
    }

    private void RequireKind(string entity, EntityKind kind, EntityKind[] kinds, string why)
    {
        if (!kinds.Contains(kind))
        {
            throw new Failure(new RuleSyntaxError(line, _subjectColumn, $"a {string.Join(" or ", kinds.Select(EntityAttributes.KindName))} ({why})", $"the {EntityAttributes.KindName(kind)} \"{entity}\""));
        }
    }

    private RuleToken Take() => tokens[_at++];

    private string Text() => source[(_bodyColumn - 1)..(tokens[^1].Column - 1)].Trim();

    private string Fail(RuleToken token, string expected) => Fail<string>(token, expected);

    private T Fail<T>(RuleToken token, string expected) =>
        throw new Failure(new RuleSyntaxError(line, token.Column, expected, token.Describe()));

    /// <summary>Unwinds the descent at the first error.</summary>
    internal sealed class Failure(RuleSyntaxError error) : Exception(error.Message)
    {
        public RuleSyntaxError Error { get; } = error;
    }
}
