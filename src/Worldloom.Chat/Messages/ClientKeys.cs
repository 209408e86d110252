using System.Data.Common;
using System.IO.Hashing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Messages;

/// <summary>
/// A message's idempotency key, its (room, author, client id), and how each provider finds it. PostgreSQL keeps a
/// unique index on the three columns, since several nodes write there. SQLite indexes an 8-byte hash of them instead,
/// the shadow column <see cref="Column"/>, with a non-unique index: the unique index on the three text columns (two of
/// them 36-character GUIDs) took each new row at a scattered leaf page, and measured with the bench's rows it cost
/// about half the store's time per message and two thirds of the pages each commit wrote (<c>docs/benchmarks.md</c>,
/// session 11). SQLite has one writer, the store's <c>MessageRowWriter</c>, which checks the exact three columns
/// before each insert, so a hash shared by two keys only costs that check a second row to compare.
/// </summary>
public static class ClientKeys
{
    /// <summary>The SQLite column with the hash.</summary>
    public const string Column = "ClientKey";

    /// <summary>The hash of (<paramref name="room"/>, <paramref name="author"/>, <paramref name="clientId"/>): XXH3 of both GUIDs' bytes and the id's UTF-8, stable across versions because rows keep it.</summary>
    public static long Of(Guid room, Guid author, string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        Span<byte> input = stackalloc byte[32 + Encoding.UTF8.GetMaxByteCount(ChatRules.MaxClientIdLength)];
        room.TryWriteBytes(input, bigEndian: true, out _);
        author.TryWriteBytes(input[16..], bigEndian: true, out _);
        var length = 32 + Encoding.UTF8.GetBytes(clientId, input[32..]);
        return unchecked((long)XxHash3.HashToUInt64(input[..length]));
    }

    /// <summary>The message with this key (at most one), through the index its provider has.</summary>
    public static IQueryable<ChatMessage> Find(LoomDb db, Guid room, Guid author, string clientId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = db.Set<ChatMessage>().Where(m => m.RoomId == room && m.AuthorId == author && m.ClientId == clientId);
        if (!IsHashed(db))
        {
            return messages;
        }

        var key = Of(room, author, clientId);
        return messages.Where(m => EF.Property<long>(m, Column) == key);
    }

    /// <summary>
    /// Fills <see cref="Column"/> for rows stored before it existed (the migration that added it gave them 0, as SQL
    /// cannot compute the hash). Runs after migrating; a later start finds nothing to do. Does nothing on PostgreSQL.
    /// </summary>
    public static async Task FillAsync(LoomDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsHashed(db))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            long after = 0;
            while (true)
            {
                // In slices, so a large old database is not read into memory at once. Rows whose real hash is 0 come
                // back every start and are written unchanged.
                var rows = new List<(long RowId, long Key)>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"""SELECT rowid, "RoomId", "AuthorId", "ClientId" FROM chat_messages WHERE "{Column}" = 0 AND rowid > @after ORDER BY rowid LIMIT 10000""";
                    Add(select, "@after", after);
                    await using var reader = await select.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        rows.Add((reader.GetInt64(0), Of(Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)), reader.GetString(3))));
                    }
                }

                if (rows.Count == 0)
                {
                    return;
                }

                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = $"""UPDATE chat_messages SET "{Column}" = @key WHERE rowid = @row""";
                    var key = Add(update, "@key", 0L);
                    var row = Add(update, "@row", 0L);
                    foreach (var (rowId, hash) in rows)
                    {
                        key.Value = hash;
                        row.Value = rowId;
                        await update.ExecuteNonQueryAsync(ct);
                    }
                }

                await transaction.CommitAsync(ct);
                after = rows[^1].RowId;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>True where the model keeps the hash (SQLite).</summary>
    internal static bool IsHashed(LoomDb db) => db.Model.FindEntityType(typeof(ChatMessage))!.FindProperty(Column) is not null;

    private static DbParameter Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
