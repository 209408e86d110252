namespace Worldloom.Chat.Crypto.Tests;

/// <summary>Fixed inputs shared by the tests and the cross-implementation vectors.</summary>
internal static class Keys
{
    public static readonly Guid Room = Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");

    public static readonly Guid AliceDevice = Guid.Parse("0193a1b2-0000-7000-8000-00000000a11c");

    public static readonly Guid BobDevice = Guid.Parse("0193a1b2-0000-7000-8000-000000000b0b");

    public static byte[] Fill(byte start, int length = 32) => Enumerable.Range(0, length).Select(i => (byte)(start + i)).ToArray();

    public static DeviceKeys Alice() => DeviceKeys.Import(Fill(0x10), Fill(0x30));

    public static DeviceKeys Bob() => DeviceKeys.Import(Fill(0x50), Fill(0x70));

    public static readonly byte[] RoomKey = Fill(0x90);
}
