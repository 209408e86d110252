namespace Worldloom.Platform.Blobs;

/// <summary>Thrown by <see cref="IBlobStore.PutAsync"/> when the content grows past the configured limit; nothing was stored.</summary>
public sealed class BlobTooLargeException : Exception
{
    /// <summary>Creates the exception for a blob that passed <paramref name="maxBytes"/>.</summary>
    public BlobTooLargeException(long maxBytes)
        : base($"The blob is larger than the limit of {maxBytes} bytes.")
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The limit that was passed, in bytes.</summary>
    public long MaxBytes { get; }
}
