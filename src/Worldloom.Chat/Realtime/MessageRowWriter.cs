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
/// the one <c>SaveChanges</c> would write. It is the only writer of messages on SQLite, so it keeps their idempotency:
/// before each insert it looks the (room, author, client id) up through the hashed <see cref="ClientKeys"/> index,
/// which has no uniqueness of its own.
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
    private readonly string _insertSql;
    private readonly string _existsSql;
    private readonly Column[] _columns;
    private readonly Column[] _keyColumns;
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _exists;
    private DbParameter[] _parameters = [];
    private DbParameter[] _keyParameters = [];

    private MessageRowWriter(string connectionString, string insertSql, string existsSql, Column[] columns, Column[] keyColumns)
    {
        _connectionString = connectionString;
        _insertSql = insertSql;
        _existsSql = existsSql;
        _columns = columns;
        _keyColumns = keyColumns;
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
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var insert = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                     $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        // The hash first, so the lookup goes through its index; the other three rule out a row that only shares the hash.
        var key = new[] { ClientKeys.Column, nameof(ChatMessage.RoomId), nameof(ChatMessage.AuthorId), nameof(ChatMessage.ClientId) }
            .Select((p, i) => columns.Single(c => c.Property.Name == p) with { Parameter = "@k" + i })
            .ToArray();
        var exists = $"SELECT EXISTS (SELECT 1 FROM {name} WHERE {string.Join(" AND ", key.Select(c => $"{sql.DelimitIdentifier(c.Name)} = {c.Parameter}"))})";
        // Its own connection, outside the pool: its large cache should not pass to other work when it is closed.
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString();
        return new MessageRowWriter(connection, insert, exists, columns, key);
    }

    /// <summary>
    /// Inserts those of <paramref name="messages"/> whose (room, author, client id) is not stored yet, in one
    /// transaction, and commits it; returns, for each message in order, whether it was stored (false: a duplicate,
    /// of an earlier row or of one before it in the same batch). Throws a <see cref="DbException"/> (and writes
    /// nothing) if any row breaks a constraint.
    /// </summary>
    /// <remarks>
    /// The writer keeps its own connection, with its larger page cache and the statements prepared once, for as long
    /// as it lives; any failure closes them, and the next batch opens them again.
    /// </remarks>
    public bool[] Insert(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var insert = _insert ?? Open();
        var exists = _exists!;
        var stored = new bool[messages.Count];
        try
        {
            using var transaction = _connection!.BeginTransaction();
            insert.Transaction = transaction;
            exists.Transaction = transaction;
            for (var m = 0; m < messages.Count; m++)
            {
                var message = messages[m];
                for (var i = 0; i < _keyColumns.Length; i++)
                {
                    _keyParameters[i].Value = _keyColumns[i].ProviderValue(message);
                }

                if ((long)exists.ExecuteScalar()! != 0)
                {
                    continue;
                }

                for (var i = 0; i < _columns.Length; i++)
                {
                    _parameters[i].Value = _columns[i].ProviderValue(message);
                }

                insert.ExecuteNonQuery();
                stored[m] = true;
            }

            transaction.Commit();
            return stored;
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
        _exists?.Dispose();
        _exists = null;
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

        _exists = Prepare(_existsSql, _keyColumns, out _keyParameters);
        return _insert = Prepare(_insertSql, _columns, out _parameters);
    }

    private SqliteCommand Prepare(string sql, Column[] columns, out DbParameter[] parameters)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = columns[i].Mapping.CreateParameter(command, columns[i].Parameter, null, columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        return command;
    }

    private sealed record Column(IProperty Property, string Name, string Parameter, RelationalTypeMapping Mapping)
    {
        // The hash is a shadow property: the message has no member to read it from.
        private readonly IClrPropertyGetter? _getter = Property.IsShadowProperty() ? null : Property.GetGetter();

        public object ProviderValue(ChatMessage message)
        {
            var value = _getter is null ? ClientKeys.Of(message.RoomId, message.AuthorId, message.ClientId) : _getter.GetClrValueUsingContainingEntity(message);
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            return value ?? DBNull.Value;
        }
    }
}
