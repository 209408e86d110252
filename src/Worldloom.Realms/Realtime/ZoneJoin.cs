namespace Worldloom.Realms.Realtime;

/// <summary>A zone's answer to a join: null <see cref="Error"/> means the welcome follows in the next tick's batch.</summary>
/// <param name="Error">A code (<c>not_found</c>, <c>moved</c>, <c>unavailable</c>), or null.</param>
/// <param name="Message">For people.</param>
/// <param name="MovedTo">For <c>moved</c>: the grain key of the zone the character is in now.</param>
[GenerateSerializer]
[Immutable]
public sealed record ZoneJoin([property: Id(0)] string? Error, [property: Id(1)] string? Message = null, [property: Id(2)] string? MovedTo = null)
{
    /// <summary>Joined.</summary>
    public static readonly ZoneJoin Joined = new((string?)null);
}
