namespace Worldloom.Cli.Bench;

/// <summary>The constant body of <c>GET /bench/baseline</c>: about as small as the API's own answers get.</summary>
/// <param name="Ok">Always true.</param>
/// <param name="Service">Always <c>worldloom</c>.</param>
internal sealed record BaselineBody(bool Ok, string Service)
{
    /// <summary>The one instance every response serializes.</summary>
    public static readonly BaselineBody Instance = new(true, "worldloom");
}
