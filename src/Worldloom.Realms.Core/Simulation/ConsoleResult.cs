namespace Worldloom.Realms.Core.Simulation;

/// <summary>The reply to a dev console command.</summary>
/// <param name="Ok">Whether it was carried out.</param>
/// <param name="Message">What happened, or why not; shown to the issuer.</param>
public sealed record ConsoleResult(bool Ok, string Message);
