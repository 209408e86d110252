namespace Worldloom.Chat.Files;

/// <summary>File settings under <c>Loom:Chat</c> (environment: <c>Loom__Chat__MaxFileBytes</c>).</summary>
public sealed class ChatFileOptions
{
    /// <summary>The largest file accepted, in plaintext bytes (100 MB unless set).</summary>
    public long MaxFileBytes { get; set; } = 100L * 1000 * 1000;

    /// <summary>How long an incomplete upload may sit without a new chunk before the sweep removes it.</summary>
    public TimeSpan IncompleteFileLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each server sweeps abandoned uploads.</summary>
    public TimeSpan FileSweepInterval { get; set; } = TimeSpan.FromMinutes(15);
}
