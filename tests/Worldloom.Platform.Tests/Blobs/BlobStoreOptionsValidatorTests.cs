using Worldloom.Platform.Blobs;

namespace Worldloom.Platform.Tests.Blobs;

public sealed class BlobStoreOptionsValidatorTests
{
    private static BlobStoreOptions S3() => new()
    {
        Provider = "s3",
        Endpoint = "minio.internal:9000",
        Bucket = "worldloom",
        AccessKey = "key",
        SecretKey = "secret",
    };

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new BlobStoreOptionsValidator().Validate(null, new BlobStoreOptions()).Succeeded);
    }

    [Fact]
    public void CompleteS3Settings_AreValid()
    {
        Assert.True(new BlobStoreOptionsValidator().Validate(null, S3()).Succeeded);
    }

    [Theory]
    [InlineData("Provider", "azure", "Loom:Blobs:Provider")]
    [InlineData("Endpoint", "", "Loom:Blobs:Endpoint")]
    [InlineData("Endpoint", "ftp://minio:21", "Loom:Blobs:Endpoint")]
    [InlineData("Endpoint", "http://minio:9000/some/path", "Loom:Blobs:Endpoint")]
    [InlineData("Bucket", "Upper_Case", "Loom:Blobs:Bucket")]
    [InlineData("Bucket", "ab", "Loom:Blobs:Bucket")]
    [InlineData("AccessKey", "", "Loom:Blobs:AccessKey")]
    [InlineData("SecretKey", "", "Loom:Blobs:SecretKey")]
    [InlineData("MaxBlobBytes", "0", "Loom:Blobs:MaxBlobBytes")]
    [InlineData("OrphanGracePeriod", "00:00:59", "Loom:Blobs:OrphanGracePeriod")]
    [InlineData("OrphanGracePeriod", "-1.00:00:00", "Loom:Blobs:OrphanGracePeriod")]
    [InlineData("OrphanSweepInterval", "-00:00:01", "Loom:Blobs:OrphanSweepInterval")]
    public void BadSetting_FailsNamingTheSetting(string property, string value, string named)
    {
        var options = S3();
        var prop = typeof(BlobStoreOptions).GetProperty(property)!;
        prop.SetValue(options, prop.PropertyType == typeof(long) ? long.Parse(value)
            : prop.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new BlobStoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyFilesystemDirectory_FailsNamingTheSetting(string directory)
    {
        var result = new BlobStoreOptionsValidator().Validate(null, new BlobStoreOptions { Directory = directory });

        Assert.True(result.Failed);
        Assert.Contains("Loom:Blobs:Directory", result.FailureMessage);
    }

    [Theory]
    [InlineData("minio:9000", true, "minio:9000", true)]
    [InlineData("minio:9000", false, "minio:9000", false)]
    [InlineData("http://127.0.0.1:4568", true, "127.0.0.1:4568", false)]
    [InlineData("https://s3.example.com", false, "s3.example.com", true)]
    [InlineData("https://s3.example.com/", false, "s3.example.com", true)]
    [InlineData("s3.example.com", true, "s3.example.com", true)]
    public void Endpoint_IsReadAsHostAndPortWithTls(string value, bool useSsl, string hostAndPort, bool tls)
    {
        Assert.True(S3Endpoint.TryParse(value, useSsl, out var endpoint));
        Assert.Equal(new S3Endpoint(hostAndPort, tls), endpoint);
    }
}
