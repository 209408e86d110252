using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Uploads a file to a room in sealed chunks. <see cref="CreateAsync"/> registers the upload and makes its secret;
/// <see cref="SendAsync"/> asks which chunks the server already holds, seals and sends the rest, and completes the file,
/// so calling it again with the same descriptor and content resumes an interrupted upload. Keep the descriptor (it holds
/// the key) until the upload completes and the message that shares it is sent.
/// </summary>
public sealed class FileUpload
{
    /// <summary>The default plaintext bytes per chunk (1 MiB).</summary>
    public const int DefaultChunkSize = 1024 * 1024;

    private readonly FileRequests _requests;

    /// <summary>An uploader over <paramref name="http"/>, whose base address is the server and which sends the caller's token.</summary>
    /// <param name="http">The authenticated client.</param>
    /// <param name="attempts">Tries per request before giving up (network failures and 5xx only).</param>
    /// <param name="backoff">Wait before the second try; later tries wait proportionally longer.</param>
    public FileUpload(HttpClient http, int attempts = 3, TimeSpan? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        _requests = new FileRequests(http, attempts, backoff ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Creates, sends and completes an upload in one go.</summary>
    public async Task<FileDescriptor> UploadAsync(
        Guid roomId, string name, Stream content, long size, string? contentType = null, int chunkSize = DefaultChunkSize,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var file = await CreateAsync(roomId, name, size, contentType, chunkSize, ct);
        await SendAsync(file, content, progress, ct);
        return file;
    }

    /// <summary>Registers an upload with the server and makes its secret; nothing is sent yet.</summary>
    public async Task<FileDescriptor> CreateAsync(Guid roomId, string name, long size, string? contentType = null, int chunkSize = DefaultChunkSize, CancellationToken ct = default)
    {
        var chunks = ChunkLayout.Chunks(size, chunkSize);
        using var response = await _requests.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"api/chat/rooms/{roomId}/files")
            {
                Content = JsonContent.Create(new { name, size, chunkSize, chunks, contentType }),
            },
            ct);
        var created = await response.Content.ReadFromJsonAsync<FileCreated>(ct) ?? throw new FileTransferException("The server sent no file id.");
        var (key, nonce) = FileDescriptor.Encode(FileSecret.Create());
        return new FileDescriptor(created.FileId, roomId, name, size, created.ChunkSize, created.Chunks, contentType, key, nonce);
    }

    /// <summary>
    /// Sends the chunks the server lacks and completes the upload. <paramref name="content"/> is read from its current
    /// position, which must be the file's start; chunks already stored are read past, not sent.
    /// </summary>
    /// <param name="file">The descriptor from <see cref="CreateAsync"/>.</param>
    /// <param name="content">The plaintext.</param>
    /// <param name="progress">Plaintext bytes done so far, stored chunks included, after each chunk.</param>
    /// <param name="ct">Cancels; what was sent stays on the server for a later resume.</param>
    /// <returns>How many chunks were sent by this call.</returns>
    public async Task<int> SendAsync(FileDescriptor file, Stream content, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var secret = file.Secret();
        var status = await StatusAsync(file.FileId, ct);
        var sent = 0;
        long done = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(file.ChunkSize);
        try
        {
            for (var index = 0; index < file.Chunks; index++)
            {
                var length = ChunkLayout.PlainLength(file.Size, file.ChunkSize, index);
                await content.ReadExactlyAsync(buffer.AsMemory(0, length), ct);
                if (!status.Complete && !status.Has(index))
                {
                    var sealedChunk = ChunkCipher.Seal(secret, index, file.Chunks, buffer.AsSpan(0, length));
                    using var _ = await _requests.SendAsync(() => ChunkPut(file.FileId, index, sealedChunk), ct);
                    sent++;
                }

                done += length;
                progress?.Report(done);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        if (!status.Complete)
        {
            using var completed = await _requests.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/chat/files/{file.FileId}/complete"), ct);
        }

        return sent;
    }

    /// <summary>Which chunks the server holds.</summary>
    public async Task<FileStatus> StatusAsync(Guid fileId, CancellationToken ct = default)
    {
        using var response = await _requests.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/chat/files/{fileId}"), ct);
        return await response.Content.ReadFromJsonAsync<FileStatus>(ct) ?? throw new FileTransferException("The server sent no status.");
    }

    private static HttpRequestMessage ChunkPut(Guid fileId, int index, byte[] sealedChunk)
    {
        var content = new ByteArrayContent(sealedChunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new HttpRequestMessage(HttpMethod.Put, $"api/chat/files/{fileId}/chunks/{index}") { Content = content };
    }
}
