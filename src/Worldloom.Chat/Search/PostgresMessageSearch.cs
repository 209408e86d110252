using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Search;

/// <summary>
/// PostgreSQL: the expression GIN index <c>ix_chat_messages_body_search</c> on <c>to_tsvector('simple', "Body")</c>
/// (created in the migration; the queries repeat that expression exactly so the index is used). The <c>simple</c>
/// configuration lower-cases but neither stems nor drops stop words nor removes accents, the closest match to
/// SQLite's tokenizer. Rank is <c>ts_rank</c>; excerpts come from <c>ts_headline</c>.
/// </summary>
public sealed class PostgresMessageSearch : MessageSearch
{
    /// <summary><c>ts_headline</c>'s options: the markers, and an excerpt of 12 to 32 words.</summary>
    public static readonly string HeadlineOptions = $"StartSel={Highlight.Open}, StopSel={Highlight.Close}, MaxWords=32, MinWords=12, ShortWord=0";

    /// <inheritdoc />
    public override IQueryable<SearchHit> Hits(LoomDb db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        return db.Database.SqlQueryRaw<SearchHit>(
            """
            SELECT m."Id" AS "MessageId", m."RoomId" AS "RoomId", m."AuthorId" AS "AuthorId",
                   ts_rank(to_tsvector('simple'::regconfig, m."Body"), q.query)::float8 AS "Rank"
            FROM chat_messages AS m, to_tsquery('simple'::regconfig, {0}) AS q(query)
            WHERE to_tsvector('simple'::regconfig, m."Body") @@ q.query AND m."DeletedAt" IS NULL
            """,
            query.ToTsQuery());
    }

    /// <inheritdoc />
    public override IQueryable<SearchExcerpt> Excerpts(LoomDb db, SearchQuery query, IReadOnlyList<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ids);
        object[] parameters = [query.ToTsQuery(), HeadlineOptions, .. ids.Cast<object>()];
        // Only parameter placeholders ({3}, {4}, ...) and a constant are interpolated: every value is a parameter.
#pragma warning disable EF1002
        return db.Database.SqlQueryRaw<SearchExcerpt>(
            $$"""
            SELECT m."Id" AS "MessageId", ts_headline('simple'::regconfig, m."Body", to_tsquery('simple'::regconfig, {0}), {1}) AS "Text"
            FROM chat_messages AS m
            WHERE m."Id" IN ({{Placeholders(2, ids.Count)}})
            """,
            parameters);
#pragma warning restore EF1002
    }
}
