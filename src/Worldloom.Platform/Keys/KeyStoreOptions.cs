namespace Worldloom.Platform.Keys;

/// <summary>
/// Settings under <c>Loom:Keys</c> (environment: <c>Loom__Keys__Provider</c>, <c>Loom__Keys__Pkcs11Library</c>,
/// <c>Loom__Keys__Pkcs11TokenLabel</c>). The PKCS#11 PIN is deliberately not a setting: it is read only from the
/// environment variable named by <see cref="PinEnvironmentVariable"/>, so it never lands in a configuration file.
/// </summary>
public sealed class KeyStoreOptions
{
    /// <summary>The <see cref="Provider"/> value for <see cref="FileKeyStore"/>.</summary>
    public const string FileProvider = "file";

    /// <summary>The <see cref="Provider"/> value for <see cref="Pkcs11KeyStore"/>.</summary>
    public const string Pkcs11Provider = "pkcs11";

    /// <summary>The environment variable holding the PKCS#11 user PIN.</summary>
    public const string PinEnvironmentVariable = "LOOM_PKCS11_PIN";

    /// <summary><c>file</c> (the default: keys in the data dir) or <c>pkcs11</c> (keys on a hardware token).</summary>
    public string Provider { get; set; } = FileProvider;

    /// <summary>Path of the PKCS#11 module (the vendor's <c>.so</c>); SoftHSM2's Debian location by default.</summary>
    public string Pkcs11Library { get; set; } = "/usr/lib/softhsm/libsofthsm2.so";

    /// <summary>Label of the token that holds the keys; required when <see cref="Provider"/> is <c>pkcs11</c>.</summary>
    public string? Pkcs11TokenLabel { get; set; }
}
