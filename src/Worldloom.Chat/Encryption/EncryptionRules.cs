namespace Worldloom.Chat.Encryption;

/// <summary>The limits of end-to-end encryption input.</summary>
public static class EncryptionRules
{
    /// <summary>Most devices (not revoked) one user may have.</summary>
    public const int MaxDevicesPerUser = 20;

    /// <summary>Longest device name.</summary>
    public const int MaxDeviceNameLength = 64;

    /// <summary>Most wraps one upload may carry: 250 members with 20 devices each. A bigger room uploads an epoch's other wraps through <c>keys/{epoch}/wraps</c>.</summary>
    public const int MaxWrapsPerUpload = 5000;
}
