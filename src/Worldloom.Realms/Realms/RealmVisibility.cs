namespace Worldloom.Realms.Realms;

/// <summary>Who may play in a realm besides its owner and admins.</summary>
public static class RealmVisibility
{
    /// <summary>Every signed-in user sees it in their list, reads its zones, makes characters in it and plays.</summary>
    public const string Public = "public";

    /// <summary>Only its owner (and admins); anyone else gets 404, as for someone else's Forge world.</summary>
    public const string Private = "private";

    /// <summary>Every visibility.</summary>
    public static readonly IReadOnlyList<string> All = [Public, Private];

    /// <summary>
    /// The visibility of a realm made without one: a Test Area is a sandbox to try things together, so public; a
    /// <c>world</c> realm shows its owner's world to everybody, so private until its owner says otherwise.
    /// </summary>
    public static string DefaultFor(string preset) => preset == RealmPresets.TestArea ? Public : Private;
}
