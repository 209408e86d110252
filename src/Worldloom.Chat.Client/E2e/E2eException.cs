namespace Worldloom.Chat.Client.E2e;

/// <summary>An end-to-end step that cannot go on, with a reason fit to show (never key material).</summary>
/// <param name="message">What went wrong.</param>
public sealed class E2eException(string message) : Exception(message);
