using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tokens;

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
        var publicKeys = new Command("public", "Print the public keys as a JWKS, for loom verify --key and other offline checks");
        publicKeys.SetAction(async (result, ct) =>
        {
            await using var app = await CommonOptions.OfflineAsync(result);
            var keys = app.Services.GetRequiredService<IKeyStore>().PublicKeys.Select(JsonWebKeyEntry.From).ToList();
            Console.WriteLine(JsonSerializer.Serialize(new JwksDocument(keys), JsonSerializerOptions.Web));
            return 0;
        });
        return new Command("keys", "Signing keys") { list, rotate, publicKeys };
    }
}
