namespace Worldloom.Platform.Keys;

/// <summary>Picks the key store named by <see cref="KeyStoreOptions.Provider"/> and checks its settings first.</summary>
internal static class KeyStoreFactory
{
    /// <summary>
    /// Opens the configured store. <paramref name="environment"/> looks up environment variables (the PIN lives only there).
    /// </summary>
    /// <exception cref="KeyStoreException">The settings are incomplete or the store cannot be opened.</exception>
    public static IKeyStore Create(KeyStoreOptions options, string dataDir, TimeProvider clock, Func<string, string?> environment)
    {
        var provider = options.Provider?.Trim() ?? "";
        if (provider.Equals(KeyStoreOptions.FileProvider, StringComparison.OrdinalIgnoreCase) || provider.Length == 0)
        {
            return new FileKeyStore(Path.Combine(dataDir, "keys"), clock);
        }

        if (!provider.Equals(KeyStoreOptions.Pkcs11Provider, StringComparison.OrdinalIgnoreCase))
        {
            throw new KeyStoreException($"Unknown key store provider '{provider}' in Loom:Keys:Provider; use 'file' or 'pkcs11'.");
        }

        if (string.IsNullOrWhiteSpace(options.Pkcs11TokenLabel))
        {
            throw new KeyStoreException(
                "Loom:Keys:Provider is 'pkcs11' but no token label is set: set Loom:Keys:Pkcs11TokenLabel (environment: Loom__Keys__Pkcs11TokenLabel).");
        }

        var pin = environment(KeyStoreOptions.PinEnvironmentVariable);
        if (string.IsNullOrEmpty(pin))
        {
            throw new KeyStoreException(
                $"Loom:Keys:Provider is 'pkcs11' but the token PIN is missing: set the environment variable {KeyStoreOptions.PinEnvironmentVariable} (the PIN is never read from configuration files).");
        }

        if (string.IsNullOrWhiteSpace(options.Pkcs11Library))
        {
            throw new KeyStoreException("Loom:Keys:Provider is 'pkcs11' but Loom:Keys:Pkcs11Library is empty: set the path of the token's PKCS#11 module.");
        }

        return new Pkcs11KeyStore(options.Pkcs11Library, options.Pkcs11TokenLabel, pin, clock);
    }
}
