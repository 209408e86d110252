using Microsoft.Extensions.Hosting;

namespace Worldloom.Platform.Keys;

/// <summary>
/// Opens the key store when the host starts, so a wrong PIN, a missing token or an incomplete setting stops start-up
/// with the store's message. Left lazy, the first request would hit it instead, and every later request would try to
/// log in again: with a wrong PIN that burns the token's retry counter and locks a hardware token within seconds.
/// </summary>
internal sealed class KeyStoreStartupCheck(IKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the store (the constructor parameter) has already opened it; touching Current proves it holds a key.
        _ = keys.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
