using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Blobs;

[Trait("Category", "Integration")]
[Collection(S3rverCollection.Name)]
public sealed class BlobStoreWiringTests(S3rverFixture s3rver)
{
    [Fact]
    public async Task Default_IsTheFileSystemStoreInTheDataDir_AndHealthy()
    {
        await using var host = await LoomHost.StartAsync();

        var store = host.Services.GetRequiredService<IBlobStore>();
        var blob = await store.PutAsync(new MemoryStream("wired"u8.ToArray()), "text/plain");
        var health = await host.Client().GetFromJsonAsync<JsonElement>("/health");

        Assert.IsType<FileSystemBlobStore>(store);
        Assert.True(File.Exists(Path.Combine(host.DataDir, "blobs", blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256)));
        var blobs = health.GetProperty("checks").GetProperty("blobs");
        Assert.Equal("healthy", blobs.GetProperty("status").GetString());
        Assert.Equal(nameof(FileSystemBlobStore), blobs.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ProviderS3_FromConfiguration_UsesTheBucket_AndIsHealthy()
    {
        var bucket = "wired-" + Guid.NewGuid().ToString("N");
        await using var host = await LoomHost.StartAsync(b =>
        {
            b.Configuration["Loom:Blobs:Provider"] = "s3";
            b.Configuration["Loom:Blobs:Endpoint"] = s3rver.Endpoint;
            b.Configuration["Loom:Blobs:Bucket"] = bucket;
            b.Configuration["Loom:Blobs:AccessKey"] = S3rverFixture.Credential;
            b.Configuration["Loom:Blobs:SecretKey"] = S3rverFixture.Credential;
        });

        var response = await host.Client().GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.IsType<S3BlobStore>(host.Services.GetRequiredService<IBlobStore>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blobs = health.GetProperty("checks").GetProperty("blobs");
        Assert.Equal("healthy", blobs.GetProperty("status").GetString());
        Assert.Equal($"S3BlobStore, bucket {bucket}", blobs.GetProperty("description").GetString());
        Assert.DoesNotContain(S3rverFixture.Credential, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnreachableS3_MakesHealthUnhealthy()
    {
        await using var host = await LoomHost.StartAsync(b =>
        {
            b.Configuration["Loom:Blobs:Provider"] = "s3";
            b.Configuration["Loom:Blobs:Endpoint"] = "http://127.0.0.1:1";
            b.Configuration["Loom:Blobs:AccessKey"] = "k";
            b.Configuration["Loom:Blobs:SecretKey"] = "s";
        });

        var response = await host.Client().GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", health.GetProperty("checks").GetProperty("blobs").GetProperty("status").GetString());
    }
}
