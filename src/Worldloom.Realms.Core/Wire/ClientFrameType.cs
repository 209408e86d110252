namespace Worldloom.Realms.Core.Wire;

/// <summary>The type byte of a client → server frame (docs/realms.md, "Wire protocol").</summary>
public enum ClientFrameType : byte
{
    /// <summary>The access token; must be the first frame.</summary>
    Auth = 0x01,

    /// <summary>Enter the realm as a character.</summary>
    Join = 0x02,

    /// <summary>One tick's input.</summary>
    Input = 0x03,

    /// <summary>A snapshot was received.</summary>
    Ack = 0x04,

    /// <summary>A dev console command line.</summary>
    Console = 0x05,

    /// <summary>Round-trip probe.</summary>
    Ping = 0x06,

    /// <summary>One tick's input and a snapshot received, in one frame (an <see cref="InputFrame"/> with an ack).</summary>
    InputAck = 0x07,
}
