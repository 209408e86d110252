using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Data;
using Worldloom.Platform.Keys;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Audit;

/// <summary>
/// The database-backed audit chain. A process-wide gate serializes appends here; across processes sharing one
/// database the primary key on <c>seq</c> refuses the loser of a race, which re-reads the head and tries again.
/// </summary>
public sealed class AuditChain(IServiceScopeFactory scopes, IKeyStore keys, LoomClock clock) : IAuditChain
{
    private const int MaxAttempts = 8;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        // The append must not be abandoned half-way by a client disconnect: the state change it records already happened.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
                var head = await db.AuditEntries.AsNoTracking()
                    .OrderByDescending(a => a.Seq)
                    .Select(a => new { a.Seq, a.Hash })
                    .FirstOrDefaultAsync(CancellationToken.None);
                var entry = Seal(auditEvent, (head?.Seq ?? 0) + 1, head?.Hash ?? AuditCanonical.GenesisHash);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    LoomMetrics.AuditAppends.Inc();
                    return entry;
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another process took this seq; read the new head and go again.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).ToListAsync(cancellationToken);
        return AuditChainVerifier.Verify(entries, keys.PublicKeys.ToList());
    }

    private AuditEntry Seal(AuditEvent e, long seq, string prevHash)
    {
        var key = keys.Current;
        var entry = new AuditEntry
        {
            Seq = seq,
            At = AuditCanonical.Truncate(clock.GetUtcNow()),
            Actor = Clip(e.Actor, 254),
            Ip = Clip(e.Ip, 64),
            Action = Clip(e.Action, 64),
            Target = Clip(e.Target, 200),
            Details = AuditCanonical.Details(e.Details),
            PrevHash = prevHash,
            Hash = "",
            KeyId = key.KeyId,
            Signature = "",
        };
        entry.Hash = AuditCanonical.Hash(entry);
        entry.Signature = Convert.ToBase64String(keys.Sign(key.KeyId, AuditCanonical.HashBytes(entry.Hash)));
        return entry;
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
