using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Server;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom serve</c>: everything in one process on its embedded defaults.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var dev = new Option<bool>("--dev") { Description = "Also create dev@localhost (admin) with a random password, printed once" };
        var siloPort = new Option<int?>("--silo-port") { Description = "Port of this process's Orleans silo (default: Loom:Cluster:SiloPort or 11111)" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port of this process's Orleans gateway (default: Loom:Cluster:GatewayPort or 30000)" };
        var command = new Command("serve", "Run the server (web app, API, cluster silo) on embedded defaults") { urls, dev, siloPort, gatewayPort };
        command.SetAction(async (result, ct) =>
        {
            var options = CommonOptions.ServerOptions(result);
            options.Urls = result.GetValue(urls)!;
            // Flags beat configuration and environment: several processes on one machine differ only in these.
            if (result.GetValue(siloPort) is { } silo)
            {
                options.Overrides["Loom:Cluster:SiloPort"] = silo.ToString(CultureInfo.InvariantCulture);
            }

            if (result.GetValue(gatewayPort) is { } gateway)
            {
                options.Overrides["Loom:Cluster:GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture);
            }

            var app = LoomServer.Build(options);
            await LoomServer.MigrateAsync(app);
            if (result.GetValue(dev))
            {
                await CreateDevUserAsync(app);
            }

            Console.WriteLine($"Worldloom is listening on {options.Urls}  (data: {Path.GetFullPath(options.DataDir)})");
            Console.WriteLine($"Create the first admin:  ./loom admin create --email you@example.com --password-stdin --data {options.DataDir}");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static async Task CreateDevUserAsync(WebApplication app)
    {
        const string email = "dev@localhost";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        if (await db.Users.AnyAsync(u => u.Email == email))
        {
            Console.WriteLine($"Dev account {email} already exists (its password was printed when it was created).");
            return;
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(email, password, "Developer", "cli", Roles.Admin);
        Console.WriteLine($"Dev account: {email}  password: {password}  (shown once)");
    }
}
