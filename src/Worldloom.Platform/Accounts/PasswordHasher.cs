using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Worldloom.Platform.Accounts;

/// <summary>
/// Argon2id password hashing with OWASP's recommended floor: 19 MiB memory, 2 iterations, 1 lane, 16-byte salt,
/// 32-byte tag, stored as a PHC string (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>) so parameters can rise later
/// without breaking old hashes.
/// </summary>
public static class PasswordHasher
{
    /// <summary>Memory cost in KiB.</summary>
    public const int MemoryKiB = 19456;

    /// <summary>Passes over memory.</summary>
    public const int Iterations = 2;

    /// <summary>Lanes.</summary>
    public const int Parallelism = 1;

    /// <summary>Shortest password accepted.</summary>
    public const int MinLength = 12;

    /// <summary>Longest password accepted (bounds hashing work per request).</summary>
    public const int MaxLength = 1024;

    private const int SaltBytes = 16;
    private const int TagBytes = 32;

    /// <summary>A hash of a random password, verified against when the email is unknown so both paths cost the same.</summary>
    public static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var tag = Derive(password, salt, MemoryKiB, Iterations, Parallelism, TagBytes);
        return $"$argon2id$v=19$m={MemoryKiB},t={Iterations},p={Parallelism}${B64(salt)}${B64(tag)}";
    }

    /// <summary>Checks a password against a PHC string in constant time; false for anything malformed.</summary>
    public static bool Verify(string password, string phc)
    {
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        var costs = parts[3].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var salt = FromB64(parts[4]);
        var expected = FromB64(parts[5]);
        var actual = Derive(password, salt, costs["m"], costs["t"], costs["p"], expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    // PHC strings use unpadded standard base64.
    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromB64(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
