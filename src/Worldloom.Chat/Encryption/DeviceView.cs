namespace Worldloom.Chat.Encryption;

/// <summary>A device's public side.</summary>
/// <param name="Id">Id.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Name">Label.</param>
/// <param name="X25519">Base64 X25519 public key.</param>
/// <param name="Ed25519">Base64 Ed25519 public key.</param>
/// <param name="CreatedAt">Registered.</param>
/// <param name="RevokedAt">Revoked, if it was.</param>
public sealed record DeviceView(Guid Id, Guid UserId, string Name, string X25519, string Ed25519, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Builds the view.</summary>
    public static DeviceView From(ChatDevice d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.UserId, d.Name, Convert.ToBase64String(d.X25519), Convert.ToBase64String(d.Ed25519), d.CreatedAt, d.RevokedAt);
    }
}
