using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Cli.Forge;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Export;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Exports;
using Worldloom.Platform.Keys;

namespace Worldloom.Cli.Commands;

/// <summary>
/// <c>loom world export WORLD --engines all|tiled,godot --out bundle.zip</c>: the same signed bundle the server makes,
/// offline, signed by this data directory's key store. Prints <c>bundle &lt;sha256&gt;</c>; progress goes to stderr.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("world") { Description = "World document (from loom world generate)" };
        var engines = new Option<string>("--engines") { Description = $"all, or engines separated by commas: {string.Join(", ", ExportEngines.All)}", Required = true };
        var output = new Option<string>("--out") { Description = "Bundle (ZIP) to write", Required = true };
        var command = new Command("export", "Export a world to game engines as one signed bundle (docs/exports.md); prints 'bundle <sha256>'") { file, engines, output };
        command.SetAction(async (result, ct) =>
        {
            var chosen = ExportEngines.Parse(result.GetValue(engines), out var error);
            if (chosen is null)
            {
                return WorldCommands.Fail([$"--engines: {error}"]);
            }

            var path = result.GetValue(file)!;
            var world = WorldFiles.ReadWorld(path, out var overrides, out error);
            if (world is null)
            {
                return WorldCommands.Fail([error!]);
            }

            if (world.Heightmap is null || world.Biomes is null || world.Hydrology is null)
            {
                return WorldCommands.Fail([$"{path}: the world is incomplete (no heightmap, biomes or rivers) and cannot be exported."]);
            }

            await using var app = await CommonOptions.OfflineAsync(result);
            var signer = new KeyStoreBundleSigner(app.Services.GetRequiredService<IKeyStore>());
            var source = new ExportSource(world, WorldDocument.Write(world, overrides));
            return WorldCommands.Guard(() =>
            {
                using var bundle = new MemoryStream();
                var export = new ForgeConsole().WithExport(chosen, observer => WorldExport.Run(source, chosen, signer, bundle, observer, ct));
                var bytes = bundle.GetBuffer().AsSpan(0, (int)bundle.Length);
                WorldFiles.WriteAtomically(result.GetValue(output)!, bytes);
                Console.Error.WriteLine(
                    $"exported world {source.Hash[..12]} to {string.Join(", ", chosen)}: {export.Manifest.Files.Count} files, {bytes.Length} bytes, signed by {export.Manifest.KeyId}");
                Console.WriteLine($"bundle {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}");
                return 0;
            });
        });
        return command;
    }
}
