namespace Worldloom.Cli.Chat;

/// <summary>
/// Writes transfer progress into the status line on the reporting thread. <see cref="Progress{T}"/> posts each report
/// to the thread pool instead, so a late "100%" could land after — and hide — the final "saved"/"shared" line.
/// </summary>
internal sealed class StatusProgress(Action<long> report) : IProgress<long>
{
    /// <inheritdoc />
    public void Report(long value) => report(value);
}
