namespace Worldloom.Server;

/// <summary>How <c>loom serve</c> (and the test host) starts the server.</summary>
public sealed class LoomServerOptions
{
    /// <summary>Data directory (<c>--data</c> / <c>LOOM_DATA</c>).</summary>
    public string DataDir { get; set; } = ".loom";

    /// <summary>Listen addresses (<c>--urls</c>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>PostgreSQL connection string or SQLite path (<c>LOOM_DB</c>); null for SQLite in the data dir.</summary>
    public string? Database { get; set; }

    /// <summary>
    /// Configuration values applied before anything reads configuration (environment variables still win), e.g.
    /// <c>Loom:Cluster:SiloPort</c>, which the silo needs at build time.
    /// </summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// Configuration values that win over every other source, environment variables included: what a command-line flag
    /// such as <c>loom serve --silo-port</c> sets.
    /// </summary>
    public IDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>();

    /// <summary>The built web app (<c>web/dist</c>); null to look for it beside the binaries and up the tree.</summary>
    public string? WebRoot { get; set; }
}
