using System.CommandLine;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply database migrations (serve also does this at start)");
        migrate.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            Console.WriteLine("Database is up to date.");
            return 0;
        });
        return new Command("db", "Database") { migrate };
    }
}
