using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// The group commit's insert on SQLite: one prepared single-row <c>INSERT</c>, executed once per message inside one
/// transaction. SQLite runs in this process, so a statement per row costs no round trip, and reusing one prepared
/// statement skips what <c>SaveChanges</c> spends on each batch (change tracking, command batching, SQL generation and a
/// <c>SELECT changes()</c> per row), which a profile put at about a third of the store's time
/// (<c>docs/benchmarks.md</c>, session 6). Columns, names and value conversions come from the EF model, so the row is
/// the one <c>SaveChanges</c> would write.
/// </summary>
internal sealed class MessageRowWriter : IDisposable
{
    /// <summary>
    /// The page cache of the writer's connection, in KiB (SQLite's default is 2 MiB). The unique (room, author, client
    /// id) index and the full-text index take rows at scattered pages; once they outgrow the cache every insert reads
    /// pages back, and a standalone test of this schema cost about twice the time per row at 150,000 rows with the
    /// default than with 64 MiB (<c>docs/benchmarks.md</c>, session 10). The cache fills only with pages read.
    /// </summary>
    private const int CacheKibibytes = 64 * 1024;

    private readonly string _connectionString;
    private readonly string _sql;
    private readonly Column[] _columns;
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private DbParameter[] _parameters = [];

    private MessageRowWriter(string connectionString, string sql, Column[] columns)
    {
        _connectionString = connectionString;
        _sql = sql;
        _columns = columns;
    }

    /// <summary>The writer for <paramref name="db"/>'s model and database; null where it does not apply (not SQLite).</summary>
    public static MessageRowWriter? For(LoomDb db)
    {
        if (db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return null;
        }

        var entity = db.Model.FindEntityType(typeof(ChatMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Select((p, i) => new Column(p, p.GetColumnName(table)!, "@p" + i, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                   $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        // Its own connection, outside the pool: its large cache should not pass to other work when it is closed.
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString();
        return new MessageRowWriter(connection, text, columns);
    }

    /// <summary>
    /// Inserts <paramref name="messages"/> in one transaction and commits it. Throws a <see cref="DbException"/> (and
    /// writes nothing) if any row breaks a constraint, such as a resend racing its first copy to the unique index.
    /// </summary>
    /// <remarks>
    /// The writer keeps its own connection, with its larger page cache and the statement prepared once, for as long as
    /// it lives; any failure closes both, and the next batch opens them again.
    /// </remarks>
    public void Insert(IEnumerable<ChatMessage> messages)
    {
        var insert = _insert ?? Open();
        try
        {
            using var transaction = _connection!.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var message in messages)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    _parameters[i].Value = _columns[i].ProviderValue(message);
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private SqliteCommand Open()
    {
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKibibytes};";
            pragma.ExecuteNonQuery();
        }

        var insert = _connection.CreateCommand();
        insert.CommandText = _sql;
        _parameters = new DbParameter[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            _parameters[i] = _columns[i].Mapping.CreateParameter(insert, _columns[i].Parameter, null, _columns[i].Property.IsNullable);
            insert.Parameters.Add(_parameters[i]);
        }

        insert.Prepare();
        return _insert = insert;
    }

    private sealed record Column(IProperty Property, string Name, string Parameter, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();

        public object ProviderValue(ChatMessage message)
        {
            var value = _getter.GetClrValueUsingContainingEntity(message);
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }
    }
}
