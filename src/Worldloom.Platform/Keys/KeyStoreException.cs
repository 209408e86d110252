namespace Worldloom.Platform.Keys;

/// <summary>
/// A key store cannot be opened or used: a misconfiguration, a missing PKCS#11 module or token, a rejected PIN.
/// The message says what to fix; it never contains the PIN.
/// </summary>
public sealed class KeyStoreException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public KeyStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an operator-facing message and the underlying failure.</summary>
    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
