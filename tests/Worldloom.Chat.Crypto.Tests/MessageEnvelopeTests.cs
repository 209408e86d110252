using System.Security.Cryptography;

namespace Worldloom.Chat.Crypto.Tests;

public sealed class MessageEnvelopeTests
{
    private static readonly MessageContext Context = new(Keys.Room, 2, Keys.AliceDevice, "c-1");

    private static string Open(string envelope, Guid? room = null, string clientId = "c-1", byte[]? roomKey = null, byte[]? signer = null)
    {
        using var alice = Keys.Alice();
        var ed = signer ?? alice.Ed25519Public;
        return MessageEnvelope.Open(
            envelope, room ?? Keys.Room, clientId, epoch => epoch == 2 ? roomKey ?? Keys.RoomKey : null, device => device == Keys.AliceDevice ? ed : null);
    }

    private static string Seal(string text = "meet at the old mill")
    {
        using var alice = Keys.Alice();
        return MessageEnvelope.Seal(text, Keys.RoomKey, Context, alice);
    }

    [Theory]
    [InlineData("meet at the old mill")]
    [InlineData("Ünïcödé ✓ 🐉 — 東京")]
    [InlineData("x")]
    public void Seal_ThenOpen_GivesTheText(string text)
    {
        var envelope = Seal(text);

        Assert.StartsWith("e1.", envelope, StringComparison.Ordinal);
        Assert.True(text.Length < 4 || !envelope.Contains(text, StringComparison.Ordinal));
        Assert.Equal(text, Open(envelope));
    }

    [Fact]
    public void Seal_LongestText_FitsTheLimit()
    {
        // 4,000 UTF-16 code units of a three-byte character: the longest UTF-8 a message can have.
        var envelope = Seal(new string('東', MessageEnvelope.MaxPlaintextLength));

        Assert.True(envelope.Length <= MessageEnvelope.MaxLength, envelope.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(MessageEnvelope.Parse(envelope));
    }

    [Fact]
    public void Seal_EmptyOrTooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => Seal(""));
        Assert.Throws<ArgumentException>(() => Seal(new string('a', MessageEnvelope.MaxPlaintextLength + 1)));
        using var alice = Keys.Alice();
        Assert.Throws<ArgumentException>(() => MessageEnvelope.Seal("x", new byte[16], Context, alice));
        Assert.Throws<ArgumentException>(() => MessageEnvelope.Seal("x", Keys.RoomKey, Context with { ClientId = "has space" }, alice));
        Assert.Throws<ArgumentException>(() => MessageEnvelope.Seal("x", Keys.RoomKey, Context with { ClientId = new string('a', 65) }, alice));
    }

    [Fact]
    public void Open_AnyByteFlipped_Fails()
    {
        var envelope = Seal();
        var bytes = CryptoBytes.FromBase64Url(envelope[3..])!;

        for (var i = 0; i < bytes.Length; i++)
        {
            var bad = (byte[])bytes.Clone();
            bad[i] ^= 0x01;
            Assert.Throws<CryptographicException>(() => Open("e1." + CryptoBytes.Base64Url(bad)));
        }
    }

    [Fact]
    public void Open_OtherRoomOrClientId_Fails()
    {
        var envelope = Seal();

        Assert.Throws<CryptographicException>(() => Open(envelope, room: Guid.NewGuid()));
        // Replayed by the server as another message (another client id) of the same room.
        Assert.Throws<CryptographicException>(() => Open(envelope, clientId: "c-2"));
    }

    [Fact]
    public void Open_WrongRoomKeyOrSigner_Fails()
    {
        using var mallory = DeviceKeys.Generate();
        var envelope = Seal();

        Assert.Throws<CryptographicException>(() => Open(envelope, roomKey: RoomKeyWrap.NewRoomKey()));
        Assert.Throws<CryptographicException>(() => Open(envelope, signer: mallory.Ed25519Public));
    }

    [Fact]
    public void Open_SignedByAnotherMemberWithTheRoomKey_FailsForTheClaimedDevice()
    {
        // Every member holds the room key, so only the signature tells members apart: Mallory seals as Alice's device.
        using var mallory = DeviceKeys.Generate();
        var forged = MessageEnvelope.Seal("I am Alice", Keys.RoomKey, Context, mallory);

        Assert.Throws<CryptographicException>(() => Open(forged));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("e1.")]
    [InlineData("e2.AAAA")]
    [InlineData("e1.AAAA")]
    [InlineData("e1.!!!!")]
    [InlineData("e1.AQ==")]
    public void Parse_NotAnEnvelope_IsNull(string text) => Assert.Null(MessageEnvelope.Parse(text));

    [Fact]
    public void Parse_BadShapes_AreNull()
    {
        var bytes = CryptoBytes.FromBase64Url(Seal()[3..])!;
        var version = (byte[])bytes.Clone();
        version[0] = 2;
        var zeroEpoch = (byte[])bytes.Clone();
        zeroEpoch[1] = zeroEpoch[2] = zeroEpoch[3] = zeroEpoch[4] = 0;
        var hugeEpoch = (byte[])bytes.Clone();
        hugeEpoch[1] = 0x80;

        Assert.Null(MessageEnvelope.Parse("e1." + CryptoBytes.Base64Url(version)));
        Assert.Null(MessageEnvelope.Parse("e1." + CryptoBytes.Base64Url(zeroEpoch)));
        Assert.Null(MessageEnvelope.Parse("e1." + CryptoBytes.Base64Url(hugeEpoch)));
        Assert.Null(MessageEnvelope.Parse("e1." + CryptoBytes.Base64Url(bytes[..(MessageEnvelope.HeaderLength + MessageEnvelope.TagLength)])));
        Assert.Null(MessageEnvelope.Parse("e1." + Convert.ToBase64String(bytes)));
        Assert.Null(MessageEnvelope.Parse("e1." + new string('A', MessageEnvelope.MaxLength)));
        Assert.Null(MessageEnvelope.Parse(" e1." + CryptoBytes.Base64Url(bytes)));
    }

    [Fact]
    public void Parse_GoodEnvelope_ShowsItsHeader()
    {
        var parts = MessageEnvelope.Parse(Seal())!;

        Assert.Equal(2, parts.Epoch);
        Assert.Equal(Keys.AliceDevice, parts.SenderDeviceId);
        using var alice = Keys.Alice();
        Assert.True(MessageEnvelope.VerifySignature(parts, Keys.Room, "c-1", alice.Ed25519Public));
        Assert.False(MessageEnvelope.VerifySignature(parts, Keys.Room, "c-2", alice.Ed25519Public));
    }
}
