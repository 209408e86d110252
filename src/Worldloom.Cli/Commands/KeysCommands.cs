using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Keys;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom keys list|rotate</c>.</summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var list = new Command("list", "List signing keys, oldest first (the last is current)");
        list.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            foreach (var key in app.Services.GetRequiredService<IKeyStore>().PublicKeys)
            {
                Console.WriteLine($"{key.KeyId}  {key.CreatedAt:O}");
            }

            return 0;
        });
        var rotate = new Command("rotate", "Add a new signing key and make it current; old keys still verify");
        rotate.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            var key = app.Services.GetRequiredService<IKeyStore>().Rotate();
            Console.WriteLine($"New current key {key.KeyId}");
            return 0;
        });
        return new Command("keys", "Signing keys") { list, rotate };
    }
}
