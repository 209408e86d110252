namespace Worldloom.Realms.Core.Wire;

/// <summary>The type byte of a server → client frame (docs/realms.md, "Wire protocol").</summary>
public enum ServerFrameType : byte
{
    /// <summary>Joined: the client's entity, realm, zone and clock.</summary>
    Welcome = 0x81,

    /// <summary>A snapshot codec payload.</summary>
    Snapshot = 0x82,

    /// <summary>An input was refused.</summary>
    Refused = 0x83,

    /// <summary>The character moved to another zone.</summary>
    Transfer = 0x84,

    /// <summary>A dev console reply.</summary>
    Console = 0x85,

    /// <summary>A frame from the client was bad; the connection stays open.</summary>
    Error = 0x86,

    /// <summary>Answer to a ping.</summary>
    Pong = 0x87,
}
