using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Worldloom.Server;

/// <summary>Is this process's silo an active member of its cluster, and how many silos does it see?</summary>
internal sealed class ClusterHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var mine = snapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(mine == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.Name} active; {active} active silo(s)")
            : HealthCheckResult.Unhealthy($"silo {silo.Name} is {mine}"));
    }
}
