using System.CommandLine;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Cli.Commands;

/// <summary>
/// <c>loom verify BUNDLE [--key FILE]</c>: checks a bundle with nothing but the file, no server or database. Exit 0 and
/// "valid, signed by KEY"; exit 1 with a line per changed, added or missing file or bad signature; exit 2 when the
/// bundle or key file cannot be read.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Largest key file read; a JWKS is a few hundred bytes.</summary>
    private const long MaxKeyFileBytes = 1 << 20;

    public static Command Create()
    {
        var bundle = new Argument<string>("bundle") { Description = "Bundle (ZIP) from loom world export or the web app" };
        var key = new Option<string?>("--key") { Description = "Trust only these keys: a JWKS (/.well-known/jwks.json, loom keys public), a JWK, or a base64 Ed25519 public key" };
        var command = new Command("verify", "Verify a signed bundle offline: signature, then every file's size and SHA-256") { bundle, key };
        command.SetAction(result =>
        {
            IReadOnlyList<byte[]>? trusted = null;
            if (result.GetValue(key) is { } keyPath)
            {
                var text = ReadSmall(keyPath, out var error);
                trusted = text is null ? null : TrustedKeys.Parse(text, out error);
                if (trusted is null)
                {
                    return WorldCommands.Fail([$"--key: {keyPath}: {error}"]);
                }
            }

            var path = result.GetValue(bundle)!;
            FileStream stream;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return WorldCommands.Fail([e is FileNotFoundException ? $"{path}: no such file." : $"{path}: {e.Message}"]);
            }

            BundleVerification verification;
            using (stream)
            {
                verification = BundleVerifier.Verify(stream, trusted);
            }

            if (verification.Valid)
            {
                Console.WriteLine($"valid, signed by {verification.KeyId}");
                return 0;
            }

            Console.WriteLine($"invalid: {path}");
            foreach (var problem in verification.Problems)
            {
                Console.WriteLine($"  {problem.Message}");
            }

            return 1;
        });
        return command;
    }

    private static string? ReadSmall(string path, out string? error)
    {
        error = null;
        try
        {
            if (new FileInfo(path).Length > MaxKeyFileBytes)
            {
                error = $"larger than {MaxKeyFileBytes} bytes; not a key file.";
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException ? "no such file." : e.Message;
            return null;
        }
    }
}
