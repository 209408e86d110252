using Microsoft.IdentityModel.Tokens;
using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tokens;

/// <summary>
/// Signs and verifies EdDSA JWS signatures. The JSON web token handler signs through the span overload and verifies
/// through the offset/length overload, so every overload is implemented, not just the abstract pair.
/// </summary>
internal sealed class Ed25519SignatureProvider(Ed25519SecurityKey key) : SignatureProvider(key, Ed25519SecurityKey.Algorithm)
{
    private const int SignatureSize = 64;

    public override byte[] Sign(byte[] input) => Sign(input.AsSpan());

    public override byte[] Sign(byte[] input, int offset, int count) => Sign(input.AsSpan(offset, count));

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var signature = Sign(data);
        if (destination.Length < signature.Length)
        {
            bytesWritten = 0;
            return false;
        }

        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature) =>
        key.Verifier is { } publicKey && Ed25519Keys.Verify(publicKey, input, signature);

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
        signatureLength == SignatureSize
        && key.Verifier is { } publicKey
        && Ed25519Keys.Verify(publicKey, input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

    protected override void Dispose(bool disposing)
    {
    }

    private byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signer = key.Signer ?? throw new InvalidOperationException($"Key '{key.KeyId}' is verification-only.");
        return signer.Sign(key.KeyId, data);
    }
}
