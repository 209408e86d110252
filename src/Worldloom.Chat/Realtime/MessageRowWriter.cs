using System.Data.Common;
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
internal sealed class MessageRowWriter
{
    private readonly string _sql;
    private readonly Column[] _columns;

    private MessageRowWriter(string sql, Column[] columns)
    {
        _sql = sql;
        _columns = columns;
    }

    /// <summary>The writer for <paramref name="db"/>'s model; null where it does not apply (not SQLite).</summary>
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
        return new MessageRowWriter(text, columns);
    }

    /// <summary>
    /// Inserts <paramref name="messages"/> in one transaction and commits it. Throws a <see cref="DbException"/> (and
    /// writes nothing) if any row breaks a constraint, such as a resend racing its first copy to the unique index.
    /// </summary>
    public void Insert(LoomDb db, IEnumerable<ChatMessage> messages)
    {
        db.Database.OpenConnection();
        try
        {
            var connection = db.Database.GetDbConnection();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql;
            var parameters = new DbParameter[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
            {
                parameters[i] = _columns[i].Mapping.CreateParameter(command, _columns[i].Parameter, null, _columns[i].Property.IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            command.Prepare();
            foreach (var message in messages)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    parameters[i].Value = _columns[i].ProviderValue(message);
                }

                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }
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
