using Worldloom.Tests.Shared;

namespace Worldloom.Forge.Tests.Purity;

/// <summary>
/// Guards the determinism contract at the source: Worldloom.Forge.Core uses no floating point, no clock, no System.Random and no
/// I/O (tests/Shared/PureCoreScan.cs), so the same inputs give the same bytes on every machine.
/// </summary>
public sealed class PureCoreTests
{
    [Fact]
    public void ForgeCore_UsesNoFloatsClockRandomOrIo()
    {
        var offences = PureCoreScan.Offences("Worldloom.Forge.Core");
        Assert.True(offences.Count == 0, "Forbidden in the pure core:\n" + string.Join('\n', offences));
    }
}
