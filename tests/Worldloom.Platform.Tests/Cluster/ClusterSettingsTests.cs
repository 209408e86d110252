using Worldloom.Server;

namespace Worldloom.Platform.Tests.Cluster;

public sealed class ClusterSettingsTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "loom-cluster-settings-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Build_PostgresClusterOnSqlite_FailsNamingLoomDb()
    {
        var options = Options();
        options.Settings["Loom:Cluster:Mode"] = "postgres";

        var error = Assert.Throws<InvalidOperationException>(() => LoomServer.Build(options));

        Assert.Contains("LOOM_DB", error.Message);
        Assert.Contains("SQLite", error.Message);
    }

    [Fact]
    public void Build_UnknownClusterMode_FailsNamingTheChoices()
    {
        var options = Options();
        options.Settings["Loom:Cluster:Mode"] = "zookeeper";

        var error = Assert.Throws<InvalidOperationException>(() => LoomServer.Build(options));

        Assert.Contains("'zookeeper'", error.Message);
        Assert.Contains("'postgres'", error.Message);
    }

    [Fact]
    public void Build_AdvertisedIpNotAnAddress_Fails()
    {
        var options = Options();
        options.Settings["Loom:Cluster:AdvertisedIp"] = "silo-1.internal";

        var error = Assert.Throws<InvalidOperationException>(() => LoomServer.Build(options));

        Assert.Contains("AdvertisedIp", error.Message);
    }

    [Fact]
    public async Task Build_OverrideBeatsSetting()
    {
        var options = Options();
        options.Settings["Loom:Cluster:Mode"] = "postgres";
        options.Overrides["Loom:Cluster:Mode"] = "localhost";

        await using var app = LoomServer.Build(options);

        Assert.Equal("localhost", app.Configuration["Loom:Cluster:Mode"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private LoomServerOptions Options() => new() { DataDir = _dataDir, WebRoot = "/nonexistent" };
}
