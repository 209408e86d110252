namespace Worldloom.Cli.Bench;

/// <summary>One kind of request a bench phase sends.</summary>
/// <param name="Name">Label in the output, e.g. <c>GET /api/me</c>.</param>
/// <param name="Path">Path and query, relative to the server's base address.</param>
/// <param name="Authenticated">Whether the request carries a bench user's access token.</param>
internal sealed record BenchEndpoint(string Name, string Path, bool Authenticated)
{
    /// <summary>The caller's account and quota: two indexed reads.</summary>
    public static readonly BenchEndpoint Me = new("GET /api/me", "/api/me", true);

    /// <summary>The caller's projects: one indexed range read.</summary>
    public static readonly BenchEndpoint Projects = new("GET /api/projects", "/api/projects", true);

    /// <summary>The do-nothing reference endpoint, which only the bench's in-process server maps.</summary>
    public static readonly BenchEndpoint Baseline = new("GET /bench/baseline", "/bench/baseline", false);
}
