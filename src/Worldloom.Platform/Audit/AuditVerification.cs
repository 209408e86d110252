namespace Worldloom.Platform.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="Ok">True when every entry links, hashes and verifies.</param>
/// <param name="Count">Entries checked.</param>
/// <param name="HeadHash">Hash of the last entry, or the genesis hash for an empty chain.</param>
/// <param name="FirstBadSeq">The first sequence number that fails, or null.</param>
/// <param name="Reason">Why it fails, or null.</param>
public sealed record AuditVerification(bool Ok, long Count, string HeadHash, long? FirstBadSeq, string? Reason);
