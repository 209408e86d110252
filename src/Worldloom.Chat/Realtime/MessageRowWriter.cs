using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
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
/// <remarks>
/// The statements are bound and stepped through SQLite's own API (<see cref="raw"/>) on the connection's handle, not
/// through <see cref="SqliteCommand"/>: each execution of a command allocates a binder per parameter, the UTF-8 copy
/// of every string, a data reader and its statement enumerator, about a kilobyte a row that the garbage collector then
/// had to sweep while thousands of messages waited in memory (<c>docs/benchmarks.md</c>, session 12). Here a string is
/// bound from its characters and a GUID formatted on the stack, as <see cref="SqliteParameter"/> writes them.
/// </remarks>
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
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _exists;

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
            .Select((p, i) => Column.Of(p, p.GetColumnName(table)!, "@p" + i))
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
            for (var m = 0; m < messages.Count; m++)
            {
                var message = messages[m];
                Bind(exists, _keyColumns, message);
                var found = Step(exists) == raw.SQLITE_ROW && raw.sqlite3_column_int64(exists, 0) != 0;
                raw.sqlite3_reset(exists);
                if (found)
                {
                    continue;
                }

                Bind(insert, _columns, message);
                Step(insert);
                raw.sqlite3_reset(insert);
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
        // Statements first: SQLite will not close a connection that still has prepared statements.
        _exists?.Dispose();
        _exists = null;
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private sqlite3_stmt Open()
    {
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        SqliteBusyTimeout.Apply(_connection);
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKibibytes};";
            pragma.ExecuteNonQuery();
        }

        try
        {
            _exists = Prepare(_existsSql);
            return _insert = Prepare(_insertSql);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var db = _connection!.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    /// <summary>Binds each of <paramref name="columns"/> to the statement's parameter at its position: both statements name their parameters in the columns' order.</summary>
    private void Bind(sqlite3_stmt statement, Column[] columns, ChatMessage message)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            Check(columns[i].Bind(statement, i + 1, message));
        }
    }

    /// <summary>Steps <paramref name="statement"/> once; SQLITE_ROW or SQLITE_DONE, else the error as a <see cref="SqliteException"/>.</summary>
    private int Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        if (result is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            // The statement's error is reported again by reset, with the extended code the exception should carry.
            raw.sqlite3_reset(statement);
            Check(result);
        }

        return result;
    }

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _connection!.Handle);

    /// <summary>
    /// One column: its name, its parameter, and a binder compiled from its EF mapping at start-up that reads the
    /// property as its own type, converts it as the mapping does and binds the provider value, so no value is boxed on
    /// the way (reading through EF's untyped getter boxed every GUID, timestamp and hash of every row).
    /// </summary>
    private sealed record Column(IProperty Property, string Name, string Parameter, Func<sqlite3_stmt, int, ChatMessage, int> Bind)
    {
        /// <summary>The column of <paramref name="property"/>, with the binding its EF mapping's provider type calls for.</summary>
        public static Column Of(IProperty property, string name, string parameter)
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            using var command = new SqliteCommand();
            var sqliteType = ((SqliteParameter)mapping.CreateParameter(command, parameter, null, property.IsNullable)).SqliteType;
            var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
            var index = Expression.Parameter(typeof(int), "index");
            var message = Expression.Parameter(typeof(ChatMessage), "message");
            Expression value = property.IsShadowProperty()
                ? property.Name == ClientKeys.Column
                    // The hash is a shadow property: the message has no member to read it from.
                    ? Expression.Call(typeof(ClientKeys).GetMethod(nameof(ClientKeys.Of))!,
                        Expression.Property(message, nameof(ChatMessage.RoomId)), Expression.Property(message, nameof(ChatMessage.AuthorId)), Expression.Property(message, nameof(ChatMessage.ClientId)))
                    : throw new NotSupportedException($"The chat message column {name} is a shadow property the row writer cannot read.")
                : Expression.Property(message, property.PropertyInfo!);
            var bindNull = Expression.Call(typeof(raw).GetMethod(nameof(raw.sqlite3_bind_null))!, statement, index);

            // Null first (a nullable value's value, a reference's null), then the mapping's conversion, then the binding.
            Expression? hasValue = null;
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                hasValue = Expression.Property(value, nameof(Nullable<int>.HasValue));
                value = Expression.Property(value, nameof(Nullable<int>.Value));
            }
            else if (!value.Type.IsValueType)
            {
                hasValue = Expression.NotEqual(value, Expression.Constant(null, value.Type));
            }

            if (mapping.Converter is { } converter)
            {
                value = Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(value, converter.ModelClrType));
            }

            var bind = value.Type == typeof(long) || value.Type == typeof(int)
                ? Expression.Call(typeof(Column).GetMethod(nameof(BindInteger))!, statement, index, Expression.Convert(value, typeof(long)))
                : value.Type == typeof(string)
                    ? Expression.Call(typeof(Column).GetMethod(nameof(BindText))!, statement, index, value)
                    : value.Type == typeof(Guid) && sqliteType == SqliteType.Text
                        ? Expression.Call(typeof(Column).GetMethod(nameof(BindGuidText))!, statement, index, value)
                        : throw new NotSupportedException($"The chat message column {name} has a provider type ({value.Type}, {sqliteType}) the row writer does not bind.");
            Expression body = hasValue is null ? bind : Expression.Condition(hasValue, bind, bindNull);
            return new Column(property, name, parameter, Expression.Lambda<Func<sqlite3_stmt, int, ChatMessage, int>>(body, statement, index, message).Compile());
        }

        /// <summary>An integer (a converted timestamp, the key's hash).</summary>
        public static int BindInteger(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

        /// <summary>Text, bound from the string's characters.</summary>
        public static int BindText(sqlite3_stmt statement, int index, string value) => raw.sqlite3_bind_text16(statement, index, value.AsSpan());

        /// <summary>A GUID stored as text: upper case, hyphenated, as <see cref="SqliteParameter"/> writes it for <see cref="SqliteType.Text"/>.</summary>
        public static int BindGuidText(sqlite3_stmt statement, int index, Guid value)
        {
            Span<char> text = stackalloc char[36];
            value.TryFormat(text, out _, "D");
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = char.ToUpperInvariant(text[i]);
            }

            return raw.sqlite3_bind_text16(statement, index, text);
        }
    }
}
