using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Data;

namespace Worldloom.Platform.Blobs;

/// <summary>How a module tells the platform's <see cref="BlobSweep"/> which of its columns name blobs.</summary>
public static class BlobColumnExtensions
{
    /// <summary>
    /// Registers <paramref name="column"/> of <typeparamref name="TEntity"/> as naming blobs: the sweep keeps every hash
    /// it holds (null and values that are not hashes are ignored). Every column a module fills with a blob's hash must
    /// be registered, or the blob is deleted a grace period after its last put.
    /// </summary>
    public static IServiceCollection AddBlobColumn<TEntity>(this IServiceCollection services, Expression<Func<TEntity, string?>> column)
        where TEntity : class =>
        services.AddScoped<IBlobReferences>(sp => new BlobColumn<TEntity>(sp.GetRequiredService<LoomDb>(), column));
}
