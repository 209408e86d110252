using Worldloom.Realms.Core.Rules;

namespace Worldloom.Realms.Characters;

/// <summary>The classes a new character may take: those the realm rules define.</summary>
public static class CharacterClasses
{
    /// <summary>The class ids, in the rules' order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. RealmRules.Default.Classes.Select(c => c.Id)];

    /// <summary>Whether <paramref name="classId"/> is one of <see cref="All"/>.</summary>
    public static bool Exists(string? classId) => classId is not null && RealmRules.Default.ClassIndex(classId) >= 0;
}
