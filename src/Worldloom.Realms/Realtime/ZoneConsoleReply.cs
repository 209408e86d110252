namespace Worldloom.Realms.Realtime;

/// <summary>A zone's answer to a dev console line.</summary>
/// <param name="Allowed">Whether the player may use the console here at all.</param>
/// <param name="Ok">Whether the command was carried out.</param>
/// <param name="Text">The reply to show.</param>
[GenerateSerializer]
[Immutable]
public sealed record ZoneConsoleReply([property: Id(0)] bool Allowed, [property: Id(1)] bool Ok, [property: Id(2)] string Text);
