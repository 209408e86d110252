namespace Worldloom.Realms.Core.Tests;

/// <summary>Measures what a hot path allocates once it is warm.</summary>
internal static class SteadyAllocation
{
    /// <summary>
    /// Runs <paramref name="round"/> once to warm it, then five measured times, and gives the bytes each measured round
    /// allocated on this thread. Tests assert that the least is zero: the runtime itself may allocate on this thread once
    /// in a while (a method tiering up, a lookup table growing: CI once saw 240 bytes in one round), but an allocation
    /// in the path's own code shows in every round, so the assertion still fails for it.
    /// </summary>
    public static long[] Rounds(Action round)
    {
        round();
        var rounds = new long[5];
        for (var i = 0; i < rounds.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            rounds[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return rounds;
    }
}
