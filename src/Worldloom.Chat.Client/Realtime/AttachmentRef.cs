namespace Worldloom.Chat.Client.Realtime;

/// <summary>What a send carries for one attached file: its id and its key (plain key text, or sealed in end-to-end rooms).</summary>
/// <param name="FileId">A complete upload of the same room, by the sender.</param>
/// <param name="Key">Key text, or an <c>e1.</c> envelope of <c>loom-file-key-v1 &lt;fileId&gt; &lt;keyText&gt;</c>.</param>
public sealed record AttachmentRef(Guid FileId, string Key);
