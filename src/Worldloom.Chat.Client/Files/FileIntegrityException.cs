namespace Worldloom.Chat.Client.Files;

/// <summary>A downloaded chunk did not authenticate: its bytes were changed in storage or transit, or are not this file's.</summary>
public sealed class FileIntegrityException : Exception
{
    /// <summary>An empty exception, for serializers.</summary>
    public FileIntegrityException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public FileIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and its cause.</summary>
    public FileIntegrityException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>An exception for chunk <paramref name="chunk"/>.</summary>
    public FileIntegrityException(int chunk, string message, Exception? inner = null)
        : base(message, inner)
    {
        Chunk = chunk;
    }

    /// <summary>The chunk that failed, when known.</summary>
    public int? Chunk { get; }
}
