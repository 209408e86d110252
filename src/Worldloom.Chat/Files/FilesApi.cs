using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Files;

/// <summary>
/// Files shared in rooms: creating an upload, its status (which chunks are in, for resuming), completing and deleting
/// it. The chunks themselves are in <see cref="FileChunksApi"/>. The server holds sealed bytes only; see docs/chat.md.
/// </summary>
public static class FilesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/chat/rooms/{id:guid}/files", CreateAsync).WithTags("Chat").RequireAuthorization();
        var files = routes.MapGroup("/api/chat/files/{id:guid}").WithTags("Chat").RequireAuthorization();
        files.MapGet("/", StatusAsync);
        files.MapPost("/complete", CompleteAsync);
        files.MapDelete("/", DeleteAsync);
        return routes;
    }

    /// <summary>
    /// Starts an upload to a room the caller is a member of: 201 with its id and where to send chunks. A size over
    /// <see cref="ChatFileOptions.MaxFileBytes"/> answers 413 naming <c>size</c>; any other bad field 400 naming it.
    /// </summary>
    public static async Task<IResult> CreateAsync(
        Guid id, FileCreate body, ClaimsPrincipal user, LoomDb db, LoomClock clock, IOptions<ChatFileOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var max = options.Value.MaxFileBytes;
        if (body.Size > max)
        {
            return TooLarge($"must be at most {max} bytes.");
        }

        var v = new Validation();
        if (ChatFileRules.NameProblem(body.Name) is { } nameProblem)
        {
            v.Add("name", nameProblem);
        }

        if (body.Size is not { } size || size < 1)
        {
            v.Add("size", $"is required: 1 to {max} bytes.");
        }

        if (body.ChunkSize is not { } chunkSize || chunkSize is < ChatFileRules.MinChunkSize or > ChatFileRules.MaxChunkSize)
        {
            v.Add("chunkSize", $"is required: {ChatFileRules.MinChunkSize} to {ChatFileRules.MaxChunkSize} plaintext bytes.");
        }
        else if (body.Size is { } s && s >= 1 && body.Chunks != ChatFileRules.Chunks(s, chunkSize))
        {
            v.Add("chunks", $"must be ceil(size / chunkSize) = {ChatFileRules.Chunks(s, chunkSize)}; each chunk also carries a {ChatFileRules.ChunkOverhead}-byte tag, not counted in size.");
        }

        if (body.ContentType is { } type && (type.Length is 0 or > ChatFileRules.MaxContentTypeLength || type.Any(char.IsControl) || !type.Contains('/', StringComparison.Ordinal)))
        {
            v.Add("contentType", $"must be a media type such as text/plain, at most {ChatFileRules.MaxContentTypeLength} characters.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        if (await RoomAccess.FindAsync(db, id, userId, ct) is not var (_, member))
        {
            return Problems.NotFound("room");
        }

        if (member is null)
        {
            return Problems.Forbidden("join the room first.");
        }

        var now = clock.GetUtcNow();
        // Sharing a file is posting: a muted or banned member may not start one.
        if (await SendPolicy.CheckAsync(db, member, id, userId, now, ct) is { } refused)
        {
            return refused.ToProblem();
        }

        var file = new ChatFile
        {
            Id = Guid.CreateVersion7(now), RoomId = id, UploaderId = userId, Name = body.Name!, ContentType = body.ContentType,
            Size = body.Size!.Value, ChunkSize = body.ChunkSize!.Value, Chunks = body.Chunks!.Value, CreatedAt = now, TouchedAt = now,
        };
        db.Set<ChatFile>().Add(file);
        await db.SaveChangesAsync(ct);
        var self = $"/api/chat/files/{file.Id}";
        return TypedResults.Created(self, new FileCreated(
            file.Id, file.ChunkSize, file.Chunks, ChatFileRules.ChunkOverhead, self + "/chunks/{n}", self, self + "/complete",
            now + options.Value.IncompleteFileLifetime));
    }

    /// <summary>The file's state, for any member of its room: which chunks are stored, whether it is complete.</summary>
    public static async Task<IResult> StatusAsync(Guid id, ClaimsPrincipal user, LoomDb db, IOptions<ChatFileOptions> options, CancellationToken ct)
    {
        var (file, _, problem) = await ChatFileAccess.FindAsync(db, id, user.UserId(), ct);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(FileView.From(file!, await ChatFileAccess.StoredAsync(db, id, ct), options.Value.IncompleteFileLifetime));
    }

    /// <summary>
    /// Completes the upload once every chunk is stored (409 naming <c>chunks</c> with how many are missing otherwise);
    /// uploader only. Completing twice answers 200 both times.
    /// </summary>
    public static async Task<IResult> CompleteAsync(Guid id, ClaimsPrincipal user, LoomDb db, LoomClock clock, IOptions<ChatFileOptions> options, CancellationToken ct)
    {
        var userId = user.UserId();
        var (file, _, problem) = await ChatFileAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (file!.UploaderId != userId)
        {
            return Problems.Forbidden("only the uploader can complete a file.");
        }

        var stored = await ChatFileAccess.StoredAsync(db, id, ct);
        if (stored.Count < file.Chunks)
        {
            return Problems.Conflict("chunks", $"{file.Chunks - stored.Count} of {file.Chunks} chunks are missing; GET the file to see which are stored.");
        }

        if (file.CompletedAt is null)
        {
            var now = clock.GetUtcNow();
            await db.Set<ChatFile>().Where(f => f.Id == id && f.CompletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.CompletedAt, (DateTimeOffset?)now), ct);
            file.CompletedAt = now;
        }

        return TypedResults.Ok(FileView.From(file, stored, options.Value.IncompleteFileLifetime));
    }

    /// <summary>
    /// Deletes the file and its chunks' blobs: its uploader, or an owner or moderator of the room (audited when it is
    /// someone else's file). 204. Messages that shared it keep their text; downloads then answer 404.
    /// </summary>
    public static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, LoomDb db, IBlobStore blobs, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var userId = user.UserId();
        var (file, member, problem) = await ChatFileAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var byModerator = file!.UploaderId != userId;
        if (byModerator && !ChatRoomRoles.Moderates(member!.Role))
        {
            return Problems.Forbidden("only the uploader or a room owner or moderator can delete a file.");
        }

        await FileStorage.DeleteAsync(db, blobs, id, ct);
        if (byModerator)
        {
            await audit.AppendAsync(new AuditEvent(
                userId.ToString(), http.ClientIp(), "chat.file.delete", $"chat-file:{file.Id}",
                new Dictionary<string, string> { ["room"] = file.RoomId.ToString(), ["uploader"] = file.UploaderId.ToString() }), ct);
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Too large.",
            detail: $"size: {detail}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["size"] = [detail] } });
}
