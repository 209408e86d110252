namespace Worldloom.Chat.People;

/// <summary>Another user as chat shows them: never their email.</summary>
/// <param name="Id">User id.</param>
/// <param name="DisplayName">The name they chose.</param>
public sealed record ChatPersonView(Guid Id, string DisplayName);
