using Worldloom.Tests.Shared;

namespace Worldloom.Realms.Core.Tests.Purity;

/// <summary>
/// Guards the determinism contract at the source: Worldloom.Realms.Core uses no floating point, no clock, no System.Random and no
/// I/O (tests/Shared/PureCoreScan.cs), so the same inputs give the same bytes on every machine.
/// </summary>
public sealed class PureCoreTests
{
    [Fact]
    public void RealmsCore_UsesNoFloatsClockRandomOrIo()
    {
        var offences = PureCoreScan.Offences("Worldloom.Realms.Core");
        Assert.True(offences.Count == 0, "Forbidden in the pure core:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("var x = 1.5f; double y;")]
    [InlineData("Math.Sqrt(2)")]
    [InlineData("new Random(4)")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("var h = name.GetHashCode();")]
    [InlineData("var d = 2d;")]
    public void Scan_CatchesWhatItForbids(string line) => Assert.True(PureCoreScan.IsForbidden(line));

    [Theory]
    [InlineData("Math.Abs(x) + IntegerMath.Sqrt(y)")]
    [InlineData("var garment = \"doublet\"; // a double-edged word")]
    [InlineData("const string Version = \"1.5\";")]
    [InlineData("var doublet = 1;")]
    public void Scan_LeavesCodeThatIsFine(string line) => Assert.False(PureCoreScan.IsForbidden(line));
}
