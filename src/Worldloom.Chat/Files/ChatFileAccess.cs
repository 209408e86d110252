using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Files;

/// <summary>
/// Who may see a file: members of its room, nobody else. Everyone else, including signed-in users who could see a
/// public room, gets 404, so file ids cannot be probed.
/// </summary>
public static class ChatFileAccess
{
    /// <summary>The file and the caller's membership, or the problem to answer.</summary>
    public static async Task<(ChatFile? File, ChatMember? Member, IResult? Problem)> FindAsync(LoomDb db, Guid fileId, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var file = await db.Set<ChatFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null || await RoomAccess.FindAsync(db, file.RoomId, userId, ct) is not (_, { } member))
        {
            return (null, null, Problems.NotFound("file"));
        }

        return (file, member, null);
    }

    /// <summary>The indices of the chunks stored for <paramref name="fileId"/>, ascending.</summary>
    public static Task<List<int>> StoredAsync(LoomDb db, Guid fileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ChatFileChunk>().AsNoTracking().Where(c => c.FileId == fileId).OrderBy(c => c.Index).Select(c => c.Index).ToListAsync(ct);
    }
}
