using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests;

/// <summary>
/// One real server for a whole test class. Starting a host (its silo, a fresh database and every migration) costs more
/// than most chat tests themselves, and these tests keep out of each other's way: each registers its own users, makes
/// its own rooms, and asserts only on those. Tests that move the clock, change settings, or count rows across the whole
/// server start their own <see cref="LoomHost"/> instead.
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    /// <summary>The class's server; started before its first test, stopped after its last.</summary>
    public LoomHost Host { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Host = await LoomHost.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
