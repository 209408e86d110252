namespace Worldloom.Realms.Realms;

/// <summary>What kind of realm it is.</summary>
public static class RealmPresets
{
    /// <summary>A realm to play: only admins may use the dev console.</summary>
    public const string World = "world";

    /// <summary>A sandbox whose owner may use the dev console (spawn, reset, god, tp, heal, killall).</summary>
    public const string TestArea = "test-area";

    /// <summary>Every preset.</summary>
    public static readonly IReadOnlyList<string> All = [World, TestArea];
}
