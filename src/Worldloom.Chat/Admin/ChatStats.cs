namespace Worldloom.Chat.Admin;

/// <summary>Chat's size at a glance.</summary>
/// <param name="Rooms">Open rooms.</param>
/// <param name="ClosedRooms">Rooms closed by an admin.</param>
/// <param name="Members">Memberships of open rooms.</param>
/// <param name="Messages">Messages ever posted, tombstones included.</param>
/// <param name="MessagesLast24Hours">Messages posted in the last 24 hours.</param>
/// <param name="OpenReports">Reports waiting for a moderator.</param>
/// <param name="RoomBans">Room bans in force.</param>
/// <param name="SiteBans">Site-wide chat bans in force.</param>
public sealed record ChatStats(int Rooms, int ClosedRooms, int Members, int Messages, int MessagesLast24Hours, int OpenReports, int RoomBans, int SiteBans);
