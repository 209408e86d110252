namespace Worldloom.Stories.Core.Narration;

/// <summary>The dramatic job of one shot; the narrator's structure grammar strings beats into a segment.</summary>
public enum Beat
{
    /// <summary>A wide view of the place.</summary>
    Establish = 0,

    /// <summary>The cast, going about their business.</summary>
    Intro = 1,

    /// <summary>What the prompt asks for.</summary>
    Key = 2,

    /// <summary>Someone speaks to someone.</summary>
    Exchange = 3,

    /// <summary>A close look at one face.</summary>
    Reaction = 4,

    /// <summary>A close look at an item or prop.</summary>
    Detail = 5,

    /// <summary>Pulling away at the end.</summary>
    Close = 6,
}
