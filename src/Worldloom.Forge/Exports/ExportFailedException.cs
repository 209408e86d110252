namespace Worldloom.Forge.Exports;

/// <summary>An exporter or the bundle writer failed on this world: retrying would fail the same way.</summary>
public sealed class ExportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExportFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExportFailedException(string message)
        : base(message)
    {
    }
}
