using System.Security.Cryptography;

namespace Worldloom.Chat.Crypto.Tests;

public sealed class RoomKeyWrapTests
{
    private static readonly WrapContext Context = new(Keys.Room, 3, Keys.BobDevice, Keys.AliceDevice);

    [Fact]
    public void Wrap_ThenUnwrap_GivesTheRoomKey()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var roomKey = RoomKeyWrap.NewRoomKey();

        var wrapped = RoomKeyWrap.Wrap(roomKey, Context, alice, bob.X25519Public);

        Assert.Equal(RoomKeyWrap.Length, wrapped.Length);
        Assert.Equal(roomKey, RoomKeyWrap.Unwrap(wrapped, Context, bob, alice.Ed25519Public));
        Assert.True(RoomKeyWrap.VerifySignature(wrapped, Context, alice.Ed25519Public));
    }

    [Fact]
    public void Wrap_TwiceForTheSameDevice_DiffersEachTime()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();

        Assert.NotEqual(RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public), RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public));
    }

    [Fact]
    public void Unwrap_AnyByteFlipped_Fails()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var wrapped = RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public);

        for (var i = 0; i < wrapped.Length; i++)
        {
            var bad = (byte[])wrapped.Clone();
            bad[i] ^= 0x40;
            Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(bad, Context, bob, alice.Ed25519Public));
        }
    }

    [Theory]
    [InlineData("room")]
    [InlineData("epoch")]
    [InlineData("recipient")]
    [InlineData("sender")]
    public void Unwrap_OtherContext_Fails(string field)
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var wrapped = RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public);
        var other = field switch
        {
            "room" => Context with { RoomId = Guid.NewGuid() },
            "epoch" => Context with { Epoch = 4 },
            "recipient" => Context with { RecipientDeviceId = Guid.NewGuid() },
            _ => Context with { SenderDeviceId = Guid.NewGuid() },
        };

        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(wrapped, other, bob, alice.Ed25519Public));
    }

    [Fact]
    public void Unwrap_WrongRecipientOrSigner_Fails()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        using var mallory = DeviceKeys.Generate();
        var wrapped = RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public);

        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(wrapped, Context, mallory, alice.Ed25519Public));
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(wrapped, Context, bob, mallory.Ed25519Public));
        // A key Mallory made and signed, passed off as Alice's device's: Alice's key does not verify it.
        var forged = RoomKeyWrap.Wrap(Keys.RoomKey, Context, mallory, bob.X25519Public);
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(forged, Context, bob, alice.Ed25519Public));
    }

    [Fact]
    public void Unwrap_BadSizes_Fail()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var wrapped = RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, bob.X25519Public);

        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap(wrapped[..^1], Context, bob, alice.Ed25519Public));
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap([.. wrapped, 0], Context, bob, alice.Ed25519Public));
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Unwrap([], Context, bob, alice.Ed25519Public));
        Assert.Throws<ArgumentException>(() => RoomKeyWrap.Wrap(new byte[31], Context, alice, bob.X25519Public));
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, new byte[31]));
        // A low-order point (here zero) gives an all-zero secret: refused rather than wrapping under a known key.
        Assert.Throws<CryptographicException>(() => RoomKeyWrap.Wrap(Keys.RoomKey, Context, alice, new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoomKeyWrap.Wrap(Keys.RoomKey, Context with { Epoch = 0 }, alice, bob.X25519Public));
    }
}
