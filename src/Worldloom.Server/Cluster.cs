using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Worldloom.Platform.Grains;
using Worldloom.Server.Data;

namespace Worldloom.Server;

/// <summary>
/// The Orleans silo inside the server. By default a one-silo localhost cluster; with <c>Loom:Cluster:Mode</c> (or
/// <c>LOOM_CLUSTER</c>) set to <c>postgres</c>, every process on the same PostgreSQL database and cluster id joins one
/// cluster through Orleans' ADO.NET membership table. See <see cref="ClusterSettings"/> for the keys.
/// </summary>
internal static class Cluster
{
    /// <summary>The ADO.NET invariant Orleans uses to load Npgsql's provider factory.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Configures the silo from <c>Loom:Cluster</c>; <paramref name="database"/> holds the membership table in postgres mode.</summary>
    /// <exception cref="InvalidOperationException">The settings are invalid, or postgres mode was asked for on SQLite.</exception>
    public static void AddCluster(this WebApplicationBuilder builder, DatabaseTarget database)
    {
        var settings = ClusterSettings.Read(builder.Configuration, Environment.GetEnvironmentVariable);
        if (settings.IsPostgres && !database.IsPostgres)
        {
            throw new InvalidOperationException(
                "Loom:Cluster:Mode is 'postgres' but the database is SQLite: the cluster's membership table lives in the "
                + "shared PostgreSQL database, so set LOOM_DB (or --db) to a PostgreSQL connection string (Host=...).");
        }

        builder.Services.AddSingleton(settings);
        builder.UseOrleans(silo =>
        {
            // Grain state goes to the platform database in both modes, so it follows LOOM_DB like all other data.
            silo.Services.AddGrainStorage(
                Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                (sp, _) => ActivatorUtilities.CreateInstance<DatabaseGrainStorage>(sp));
            if (!settings.IsPostgres)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
                return;
            }

            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = database.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(settings.AdvertisedIp, settings.SiloPort, settings.GatewayPort);
        });
    }
}
