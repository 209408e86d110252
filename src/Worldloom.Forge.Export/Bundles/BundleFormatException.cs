namespace Worldloom.Forge.Export.Bundles;

/// <summary>A manifest that cannot be read; the message names the field (<c>files[3].sha256</c>).</summary>
public sealed class BundleFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BundleFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BundleFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BundleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
