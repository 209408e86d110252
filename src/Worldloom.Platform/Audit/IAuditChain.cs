namespace Worldloom.Platform.Audit;

/// <summary>Appends state changes and security events to the signed, hash-chained audit log.</summary>
public interface IAuditChain
{
    /// <summary>Appends one entry. Appends are serialized, so the chain never gaps or forks.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Checks the whole stored chain against the key store's public keys.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
