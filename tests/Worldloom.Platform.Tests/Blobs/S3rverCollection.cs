namespace Worldloom.Platform.Tests.Blobs;

/// <summary>The test classes that share one s3rver process; each of them works in its own bucket.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
