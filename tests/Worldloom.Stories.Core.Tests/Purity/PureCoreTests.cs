using Worldloom.Tests.Shared;

namespace Worldloom.Stories.Core.Tests.Purity;

/// <summary>
/// Guards the determinism contract at the source: Worldloom.Stories.Core uses no floating point, no clock, no System.Random and no
/// I/O (tests/Shared/PureCoreScan.cs), so the same inputs give the same bytes on every machine.
/// </summary>
public sealed class PureCoreTests
{
    [Fact]
    public void StoriesCore_UsesNoFloatsClockRandomOrIo()
    {
        var offences = PureCoreScan.Offences("Worldloom.Stories.Core");
        Assert.True(offences.Count == 0, "Forbidden in the pure core:\n" + string.Join('\n', offences));
    }
}
