namespace Worldloom.Forge.Rules;

/// <summary>
/// The sandbox limits of a rule script. Each applies afresh to the top-level run and to every hook call, so a script
/// with ten hooks may use ten budgets. Time is wall-clock and so the one limit that can pass on a fast machine and
/// fail on a slow one; keep scripts well inside it.
/// </summary>
public sealed record RuleLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static RuleLimits Default { get; } = new();

    /// <summary>Longest a hook (or the top-level run) may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bytes a hook may allocate (Jint counts allocations on the running thread, live or not, checked between
    /// statements and inside most built-ins).
    /// </summary>
    public long MemoryBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Statements a hook may execute.</summary>
    public int MaxStatements { get; init; } = 5_000_000;

    /// <summary>Deepest call nesting.</summary>
    public int MaxRecursion { get; init; } = 64;

    /// <summary>Log lines kept for one run; later ones are counted in <see cref="RuleObserver.DroppedLogLines"/>.</summary>
    public int MaxLogLines { get; init; } = 1000;

    /// <summary>Longest kept log line; longer ones are cut and end with an ellipsis.</summary>
    public int MaxLogLineLength { get; init; } = 1000;

    /// <summary>Longest accepted script, in UTF-16 code units.</summary>
    public int MaxSourceLength { get; init; } = 256 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a limit that is not positive.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MemoryBytes, 1, nameof(MemoryBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStatements, 1, nameof(MaxStatements));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecursion, 1, nameof(MaxRecursion));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLogLines, 0, nameof(MaxLogLines));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLogLineLength, 1, nameof(MaxLogLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSourceLength, 1, nameof(MaxSourceLength));
    }
}
