using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Audit;

/// <summary>
/// Checks an audit chain offline: sequence numbers run 1, 2, 3 without gaps, each entry's <c>prevHash</c> is its
/// predecessor's hash, each hash matches the entry's canonical bytes, and each signature verifies with the named
/// public key. Any edit, deletion or reordering of rows breaks one of these at the first affected entry.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Verifies entries given in ascending <c>seq</c> order (as stored).</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, IReadOnlyCollection<PublicSigningKey> keys)
    {
        var byId = keys.ToDictionary(k => k.KeyId, k => k.PublicKey);
        var prevHash = AuditCanonical.GenesisHash;
        long expected = 1;
        foreach (var entry in entries)
        {
            var reason = Check(entry, expected, prevHash, byId);
            if (reason is not null)
            {
                return new AuditVerification(false, expected - 1, prevHash, expected, reason);
            }

            prevHash = entry.Hash;
            expected++;
        }

        return new AuditVerification(true, expected - 1, prevHash, null, null);
    }

    private static string? Check(AuditEntry entry, long expected, string prevHash, Dictionary<string, byte[]> keys)
    {
        if (entry.Seq != expected)
        {
            return $"expected seq {expected} but found {entry.Seq}: an entry is missing or out of order";
        }

        if (entry.PrevHash != prevHash)
        {
            return "prevHash does not match the previous entry's hash";
        }

        if (AuditCanonical.Hash(entry) != entry.Hash)
        {
            return "hash does not match the entry's contents";
        }

        if (!keys.TryGetValue(entry.KeyId, out var publicKey))
        {
            return $"signed by unknown key {entry.KeyId}";
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(entry.Signature);
        }
        catch (FormatException)
        {
            return "signature is not base64";
        }

        return Ed25519Keys.Verify(publicKey, AuditCanonical.HashBytes(entry.Hash), signature) ? null : "signature does not verify";
    }
}
