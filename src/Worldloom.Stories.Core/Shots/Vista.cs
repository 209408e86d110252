using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Shots;

/// <summary>A bible location seen on the horizon of a shot, and in which direction it lies from the shot's setting.</summary>
/// <param name="Location">The far location's id.</param>
/// <param name="Direction">Where it lies, seen from the setting.</param>
public sealed record Vista(string Location, Compass Direction);
