using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Platform.Blobs;

/// <summary>One column of one entity that names blobs, as an <see cref="IBlobReferences"/>; see <see cref="BlobColumnExtensions.AddBlobColumn"/>.</summary>
/// <typeparam name="TEntity">The entity (a table in <see cref="LoomDb"/>).</typeparam>
internal sealed class BlobColumn<TEntity>(LoomDb db, Expression<Func<TEntity, string?>> column) : IBlobReferences
    where TEntity : class
{
    /// <inheritdoc />
    public IAsyncEnumerable<string> HashesAsync(CancellationToken cancellationToken) =>
        db.Set<TEntity>().Select(column).Where(h => h != null).Select(h => h!).Distinct().AsAsyncEnumerable();
}
