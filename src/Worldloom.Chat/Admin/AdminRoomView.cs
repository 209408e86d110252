namespace Worldloom.Chat.Admin;

/// <summary>A room as an admin sees it, with its size.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Kind">public, private or invite_only.</param>
/// <param name="ProjectId">Owning project, if any.</param>
/// <param name="OwnerId">Creator.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="ClosedAt">When an admin closed it; null while open.</param>
/// <param name="Members">Member count.</param>
/// <param name="Messages">Message count, tombstones included.</param>
/// <param name="OpenReports">Reports waiting for a moderator.</param>
public sealed record AdminRoomView(
    Guid Id, string Name, string Topic, string Kind, Guid? ProjectId, Guid OwnerId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int Members, int Messages, int OpenReports);
