using Worldloom.Platform.Data;

namespace Worldloom.Chat.Search;

/// <summary>
/// The provider-specific half of search: the full-text match with its rank, and the excerpts with highlight markers.
/// Everything else (the caller's rooms, filters, order, paging) is composed over <see cref="Hits"/> in LINQ, so it is
/// written once for both providers.
/// </summary>
public abstract class MessageSearch
{
    /// <summary>The search for <paramref name="db"/>'s provider.</summary>
    public static MessageSearch For(LoomDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // By provider name, so Chat needs neither provider's package.
        return db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => new SqliteMessageSearch(),
            "Npgsql.EntityFrameworkCore.PostgreSQL" => new PostgresMessageSearch(),
            var other => throw new NotSupportedException($"Chat search has no support for the database provider '{other}'."),
        };
    }

    /// <summary>Every live (not deleted) message in any room that matches <paramref name="query"/>, with its rank.</summary>
    public abstract IQueryable<SearchHit> Hits(LoomDb db, SearchQuery query);

    /// <summary>Excerpts of the messages <paramref name="ids"/> (at most a page) around their matches of <paramref name="query"/>.</summary>
    public abstract IQueryable<SearchExcerpt> Excerpts(LoomDb db, SearchQuery query, IReadOnlyList<Guid> ids);

    /// <summary><c>{first}, {first + 1}, ...</c>: one parameter placeholder per id.</summary>
    protected static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
}
