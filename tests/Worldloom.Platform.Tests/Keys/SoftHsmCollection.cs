namespace Worldloom.Platform.Tests.Keys;

/// <summary>Tests that use SoftHSM2: one shared fixture, never run alongside other collections (SOFTHSM2_CONF is process-wide).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoftHsmCollection : ICollectionFixture<SoftHsmFixture>
{
    public const string Name = "SoftHSM2";
}
