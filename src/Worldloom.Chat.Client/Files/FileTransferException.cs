namespace Worldloom.Chat.Client.Files;

/// <summary>The server refused a file request, or kept failing it after the retries.</summary>
public sealed class FileTransferException : Exception
{
    /// <summary>An empty exception, for serializers.</summary>
    public FileTransferException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public FileTransferException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and its cause.</summary>
    public FileTransferException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>An exception carrying the HTTP status the server answered.</summary>
    public FileTransferException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? Status { get; }
}
