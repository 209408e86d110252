namespace Worldloom.Chat.Files;

/// <summary>A chunk's body ran past the length its position in the file allows.</summary>
internal sealed class ChunkLengthException : Exception
{
    public ChunkLengthException()
        : base("The chunk is longer than expected.")
    {
    }

    public ChunkLengthException(string message)
        : base(message)
    {
    }

    public ChunkLengthException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
