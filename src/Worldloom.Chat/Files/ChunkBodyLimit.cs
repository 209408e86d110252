using Microsoft.AspNetCore.Http.Metadata;

namespace Worldloom.Chat.Files;

/// <summary>
/// Raises the platform's request body limit for the chunk upload alone: the largest sealed chunk, not
/// <c>Loom:MaxBodyBytes</c>, which stays small for every JSON endpoint.
/// </summary>
internal sealed class ChunkBodyLimit : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => ChatFileRules.MaxChunkSize + ChatFileRules.ChunkOverhead;
}
