using Worldloom.Chat.Search;

namespace Worldloom.Chat.Tests.Search;

public sealed class HighlightTests
{
    private const string O = Highlight.Open;
    private const string C = Highlight.Close;

    [Fact]
    public void Segments_SplitsAtMarkers()
    {
        var segments = Highlight.Segments($"the {O}red{C} {O}dragon{C} sleeps", "the red dragon sleeps");

        Assert.Equal(
            [new("the ", false), new("red", true), new(" ", false), new("dragon", true), new(" sleeps", false)],
            segments);
    }

    [Fact]
    public void Segments_AdjacentMatches_BecomeOne()
    {
        Assert.Equal([new HighlightSegment("dragon", true), new HighlightSegment("!", false)], Highlight.Segments($"{O}drag{C}{O}on{C}!", "dragon!"));
    }

    [Fact]
    public void Segments_MarkupInTheBody_IsPlainText()
    {
        var segments = Highlight.Segments($"<b>{O}dragon{C}</b><script>", "<b>dragon</b><script>");

        Assert.Equal([new("<b>", false), new("dragon", true), new("</b><script>", false)], segments);
    }

    [Fact]
    public void Segments_BodyHoldingAMarker_GetsNoHighlight()
    {
        var body = $"fake {O}dragon{C}";

        Assert.Equal([new HighlightSegment(body, false)], Highlight.Segments($"fake {O}{O}dragon{C}{C}", body));
    }

    [Fact]
    public void Segments_UnclosedMarker_RunsToTheEnd()
    {
        Assert.Equal([new HighlightSegment("a ", false), new HighlightSegment("dragon", true)], Highlight.Segments($"a {O}dragon", "a dragon"));
    }
}
