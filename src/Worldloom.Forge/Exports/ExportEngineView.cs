namespace Worldloom.Forge.Exports;

/// <summary>One engine in <see cref="ExportEnginesView"/>.</summary>
/// <param name="Name">Its name, as requests spell it.</param>
/// <param name="Title">Its display title.</param>
/// <param name="Unlocked">Whether the caller's tier exports it.</param>
public sealed record ExportEngineView(string Name, string Title, bool Unlocked);
