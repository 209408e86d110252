using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Worldloom.Server;

/// <summary>
/// The Orleans silo inside the server. By default a one-silo localhost cluster; the ports come from
/// <c>Loom:Cluster:SiloPort</c> and <c>Loom:Cluster:GatewayPort</c> so several servers (or tests) can share a machine.
/// </summary>
internal static class Cluster
{
    public static void AddCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Loom:Cluster");
        var siloPort = section.GetValue("SiloPort", 11111);
        var gatewayPort = section.GetValue("GatewayPort", 30000);
        var clusterId = section.GetValue("ClusterId", "worldloom") ?? "worldloom";
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, null, "worldloom", clusterId);
        });
    }
}
