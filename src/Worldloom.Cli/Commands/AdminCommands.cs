using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Problems;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom admin create</c>: the first (or another) administrator.</summary>
internal static class AdminCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Admin email", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", DefaultValueFactory = _ => "Administrator" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (required: never on the command line)" };
        var create = new Command("create", "Create an admin account") { email, name, stdin };
        create.SetAction(async (result, ct) =>
        {
            if (!result.GetValue(stdin))
            {
                Console.Error.WriteLine("error: --password-stdin is required; passwords are never taken from the command line.");
                return 2;
            }

            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
            var v = new Validation();
            var normalized = AccountRules.Email(v, result.GetValue(email));
            AccountRules.Password(v, password);
            var displayName = v.Text("name", result.GetValue(name), 100);
            if (v.Failed)
            {
                Console.Error.WriteLine("error: " + Describe(v));
                return 2;
            }

            await using var app = await CommonOptions.OfflineAsync(result);
            using var scope = app.Services.CreateScope();
            var user = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .RegisterAsync(normalized, password, displayName, "cli", Roles.Admin, ct);
            if (user is null)
            {
                Console.Error.WriteLine($"error: an account with email {normalized} already exists.");
                return 1;
            }

            Console.WriteLine($"Created admin {user.Email} ({user.Id}).");
            return 0;
        });
        return new Command("admin", "Administer accounts") { create };
    }

    private static string Describe(Validation v) =>
        v.Problem().ProblemDetails.Detail ?? "invalid input";
}
