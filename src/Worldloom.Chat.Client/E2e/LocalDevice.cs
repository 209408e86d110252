using Worldloom.Chat.Crypto;

namespace Worldloom.Chat.Client.E2e;

/// <summary>This machine's registered device: its id on the server and its private keys (which never leave it).</summary>
/// <param name="id">Device id on the server.</param>
/// <param name="userId">Owner.</param>
/// <param name="keys">The key pairs.</param>
public sealed class LocalDevice(Guid id, Guid userId, DeviceKeys keys) : IDisposable
{
    /// <summary>Device id on the server.</summary>
    public Guid Id { get; } = id;

    /// <summary>Owner.</summary>
    public Guid UserId { get; } = userId;

    /// <summary>The key pairs.</summary>
    public DeviceKeys Keys { get; } = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <inheritdoc/>
    public void Dispose() => Keys.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"device {Id}";
}
