namespace Worldloom.Chat.Invites;

/// <summary>A new invite; the code is shown only here.</summary>
/// <param name="Code">The code to share.</param>
/// <param name="RoomId">The room it joins.</param>
/// <param name="MaxUses">How many may accept it.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record InviteView(string Code, Guid RoomId, int MaxUses, DateTimeOffset ExpiresAt);
