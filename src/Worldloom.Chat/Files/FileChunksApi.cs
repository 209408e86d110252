using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Moderation;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Files;

/// <summary>
/// A file's chunks: raw sealed bytes in (uploader only, idempotent per index) and out (members, complete files only).
/// The body streams straight into the blob store behind <see cref="ChunkBlob"/>'s header; nothing buffers a whole chunk.
/// </summary>
public static class FileChunksApi
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapFileChunksApi(this IEndpointRouteBuilder routes)
    {
        var chunks = routes.MapGroup("/api/chat/files/{id:guid}/chunks/{n:int}").WithTags("Chat").RequireAuthorization();
        chunks.MapPut("/", PutAsync).Accepts<Stream>(OctetStream).WithMetadata(new ChunkBodyLimit());
        chunks.MapGet("/", GetAsync);
        return routes;
    }

    /// <summary>
    /// Stores chunk <paramref name="n"/>: exactly its sealed length (400 naming <c>body</c> otherwise). 201 the first
    /// time; the same bytes again answer 200, other bytes for a stored chunk 409, so a client may resend after a lost
    /// answer. Only the uploader may send (403 for other members).
    /// </summary>
    public static async Task<IResult> PutAsync(Guid id, int n, ClaimsPrincipal user, LoomDb db, IBlobStore blobs, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var userId = user.UserId();
        var (file, member, problem) = await ChatFileAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (file!.UploaderId != userId)
        {
            return Problems.Forbidden("only the uploader can send a file's chunks.");
        }

        // A mute or ban that came after the upload started stops it too.
        if (await SendPolicy.CheckAsync(db, member, file.RoomId, userId, clock.GetUtcNow(), ct) is { } refused)
        {
            return refused.ToProblem();
        }

        if (n < 0 || n >= file.Chunks)
        {
            return Problems.Field("n", $"must be a chunk index from 0 to {file.Chunks - 1}.");
        }

        var expected = ChatFileRules.SealedLength(file, n);
        var wrongLength = $"chunk {n} must be exactly {expected} bytes: its plaintext plus the {ChatFileRules.ChunkOverhead}-byte tag.";
        if (http.Request.ContentLength is { } declared && declared != expected)
        {
            return Problems.Field("body", wrongLength);
        }

        var body = new FramedChunk(ChunkBlob.Header(id, n), http.Request.Body, expected);
        var existing = await db.Set<ChatFileChunk>().AsNoTracking().FirstOrDefaultAsync(c => c.FileId == id && c.Index == n, ct);
        try
        {
            if (existing is not null)
            {
                // Hash without storing: a replay must not leave a second blob behind, whatever it carries.
                var hash = await ChunkBlob.HashAsync(body, ct);
                return !body.Exact ? Problems.Field("body", wrongLength)
                    : hash == existing.Sha256 ? TypedResults.Ok(new ChunkView(n, expected))
                    : Problems.Conflict("n", $"chunk {n} is already stored with different bytes.");
            }

            var blob = await blobs.PutAsync(body, OctetStream, ct);
            if (!body.Exact)
            {
                await blobs.DeleteAsync(blob.Sha256, ct);
                return Problems.Field("body", wrongLength);
            }

            return await RecordAsync(db, blobs, clock, file, n, blob.Sha256, expected, ct);
        }
        catch (ChunkLengthException)
        {
            return Problems.Field("body", wrongLength);
        }
    }

    private static async Task<IResult> RecordAsync(LoomDb db, IBlobStore blobs, LoomClock clock, ChatFile file, int n, string sha256, long expected, CancellationToken ct)
    {
        db.Set<ChatFileChunk>().Add(new ChatFileChunk { FileId = file.Id, Index = n, Sha256 = sha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same chunk stored by a concurrent request (primary key), or the file deleted meanwhile (foreign key).
            db.ChangeTracker.Clear();
            var winner = await db.Set<ChatFileChunk>().AsNoTracking().FirstOrDefaultAsync(c => c.FileId == file.Id && c.Index == n, ct);
            if (winner?.Sha256 == sha256)
            {
                return TypedResults.Ok(new ChunkView(n, expected));
            }

            // Our blob differs from the stored one, and its header ties it to this (file, index): nothing else refers to it.
            await blobs.DeleteAsync(sha256, ct);
            return winner is null ? Problems.NotFound("file") : Problems.Conflict("n", $"chunk {n} is already stored with different bytes.");
        }

        var now = clock.GetUtcNow();
        await db.Set<ChatFile>().Where(f => f.Id == file.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.TouchedAt, now), ct);
        return TypedResults.Created($"/api/chat/files/{file.Id}/chunks/{n}", new ChunkView(n, expected));
    }

    /// <summary>Chunk <paramref name="n"/>'s sealed bytes, for members of the room, once the upload is complete (409 before).</summary>
    public static async Task<IResult> GetAsync(Guid id, int n, ClaimsPrincipal user, LoomDb db, IBlobStore blobs, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (file, _, problem) = await ChatFileAccess.FindAsync(db, id, user.UserId(), ct);
        if (problem is not null)
        {
            return problem;
        }

        if (file!.CompletedAt is null)
        {
            return Problems.Conflict("id", "the upload is not complete yet.");
        }

        if (n < 0 || n >= file.Chunks)
        {
            return Problems.Field("n", $"must be a chunk index from 0 to {file.Chunks - 1}.");
        }

        var chunk = await db.Set<ChatFileChunk>().AsNoTracking().FirstOrDefaultAsync(c => c.FileId == id && c.Index == n, ct);
        var stream = chunk is null ? null : await ChunkBlob.OpenAsync(blobs, chunk.Sha256, id, n, ct);
        if (stream is null)
        {
            return Problems.NotFound("chunk");
        }

        http.Response.ContentLength = ChatFileRules.SealedLength(file, n);
        http.Response.Headers.XContentTypeOptions = "nosniff";

        // Not TypedResults.Stream(stream): for a seekable stream it sets Content-Length to the whole blob, header
        // included, while sending only what follows the header, so Kestrel ends the response 32 bytes short.
        return TypedResults.Stream(
            async body =>
            {
                await using (stream)
                {
                    await stream.CopyToAsync(body, ct);
                }
            },
            OctetStream);
    }
}
