using Worldloom.Platform.Audit;

namespace Worldloom.Platform.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    [Fact]
    public void EmptyChain_IsOkWithGenesisHead()
    {
        var result = AuditChainVerifier.Verify([], []);

        Assert.True(result.Ok);
        Assert.Equal(0, result.Count);
        Assert.Equal(AuditCanonical.GenesisHash, result.HeadHash);
    }

    [Fact]
    public void Canonical_SortsKeysAndExcludesSignatureFields()
    {
        var entry = new AuditEntry
        {
            Seq = 7, At = DateTimeOffset.FromUnixTimeMilliseconds(1234), Actor = "a", Ip = "1.2.3.4", Action = "x.y", Target = "t",
            Details = "{}", PrevHash = AuditCanonical.GenesisHash, Hash = "H", KeyId = "K", Signature = "S",
        };

        var text = System.Text.Encoding.UTF8.GetString(AuditCanonical.Bytes(entry));

        Assert.Equal($"{{\"action\":\"x.y\",\"actor\":\"a\",\"at\":1234,\"details\":\"{{}}\",\"ip\":\"1.2.3.4\",\"prevHash\":\"{AuditCanonical.GenesisHash}\",\"seq\":7,\"target\":\"t\"}}", text);
    }

    [Fact]
    public void Details_SortedOrdinally()
    {
        Assert.Equal("{\"B\":\"2\",\"a\":\"1\"}", AuditCanonical.Details(new Dictionary<string, string> { ["a"] = "1", ["B"] = "2" }));
        Assert.Equal("{}", AuditCanonical.Details(null));
    }
}
