using Microsoft.Extensions.Diagnostics.HealthChecks;
using Worldloom.Platform.Data;
using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Hosting;

/// <summary>Can the database be reached?</summary>
internal sealed class DatabaseHealthCheck(LoomDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy(db.Database.ProviderName)
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}

/// <summary>Can the key store sign, and does the signature verify?</summary>
internal sealed class KeyStoreHealthCheck(IKeyStore keys) : IHealthCheck
{
    private static readonly byte[] Probe = "worldloom/health"u8.ToArray();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var key = keys.Current;
            var ok = Ed25519Keys.Verify(key.PublicKey, Probe, keys.Sign(key.KeyId, Probe));
            return Task.FromResult(ok ? HealthCheckResult.Healthy($"{keys.GetType().Name}, key {key.KeyId}") : HealthCheckResult.Unhealthy("Signature did not verify."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The key store cannot sign.", e));
        }
    }
}
