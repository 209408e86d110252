namespace Worldloom.Realms.Characters;

/// <summary>The body of <c>POST /api/realms/{id}/characters</c>.</summary>
/// <param name="Name">2–24 characters: letters, digits, single spaces, apostrophes and hyphens, starting with a letter.</param>
/// <param name="Class">A class of the realm rules (<c>mage</c>).</param>
public sealed record CharacterCreate(string? Name, string? Class);
