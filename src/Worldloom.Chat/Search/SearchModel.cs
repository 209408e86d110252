using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;

namespace Worldloom.Chat.Search;

/// <summary>
/// Search's part of the model. EF cannot model an FTS5 table or an expression GIN index, so those (and the SQLite
/// triggers that keep the FTS5 table in step) are raw SQL in the <c>ChatSearch</c> migrations; here EF only learns
/// that <c>chat_messages</c> has triggers.
/// </summary>
public static class SearchModel
{
    /// <summary>The SQLite triggers on <c>chat_messages</c> that keep <c>chat_messages_fts</c> in step.</summary>
    public static readonly string[] SqliteTriggers = ["chat_messages_fts_insert", "chat_messages_fts_update", "chat_messages_fts_delete"];

    /// <summary>Declares the triggers.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // Declared so EF does not use RETURNING on this table, which SQLite documents as unreliable with triggers that
        // write elsewhere. Harmless on PostgreSQL, where the declaration changes no SQL.
        modelBuilder.Entity<ChatMessage>().ToTable(t =>
        {
            foreach (var trigger in SqliteTriggers)
            {
                t.HasTrigger(trigger);
            }
        });
    }
}
