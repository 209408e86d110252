using System.Text.Json;
using Worldloom.Platform.Audit;

namespace Worldloom.Platform.Jobs;

/// <summary><c>audit.verify</c>: checks the whole audit chain as a job, for chains too long to verify inside a request.</summary>
public sealed class AuditVerifyJob(IAuditChain chain) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "audit.verify";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        await run.ReportAsync(5, "reading the chain", cancellationToken);
        var outcome = await chain.VerifyAsync(cancellationToken);
        await run.ReportAsync(95, "verified", cancellationToken);
        return JsonSerializer.Serialize(outcome, JsonSerializerOptions.Web);
    }
}
