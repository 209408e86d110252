using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Topics;

/// <summary>
/// Seeds <see cref="TopicSeeds"/> when the topics table is empty, so a fresh install has something to browse. Runs at
/// start, after migrations; an install whose admins removed every topic gets the seeds back on its next start, which
/// is the lesser surprise than an empty topic page.
/// </summary>
internal sealed class TopicSeeder(IServiceScopeFactory scopes, LoomClock clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        if (await db.Set<StoryTopic>().AnyAsync(cancellationToken))
        {
            return;
        }

        await SeedAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Inserts the seeds whose slug is free, in one statement. Servers of a cluster start together and may all find the
    /// table empty; <c>ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL alike) lets the later ones insert nothing
    /// instead of failing on the unique slug index, which EF would log as an error on every cluster start.
    /// </summary>
    /// <returns>How many topics were inserted.</returns>
    internal static async Task<int> SeedAsync(LoomDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(StoryTopic))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty[] columns =
        [
            entity.FindProperty(nameof(StoryTopic.Id))!, entity.FindProperty(nameof(StoryTopic.Slug))!, entity.FindProperty(nameof(StoryTopic.Title))!,
            entity.FindProperty(nameof(StoryTopic.Description))!, entity.FindProperty(nameof(StoryTopic.BibleJson))!, entity.FindProperty(nameof(StoryTopic.CreatedAt))!,
        ];
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ");
        var parameters = new List<DbParameter>();
        using var command = db.Database.GetDbConnection().CreateCommand();
        foreach (var seed in TopicSeeds.All)
        {
            // A seed bible that does not read is a bug here; fail the start loudly rather than seed a broken topic.
            _ = SceneBibles.Read(seed.BibleJson!);
            object?[] values = [Guid.CreateVersion7(now), seed.Slug, seed.Title, seed.Description, seed.BibleJson, now];
            text.Append(parameters.Count == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Length; i++)
            {
                // The column's own mapping, so the value is stored as EF stores it (converters included).
                var name = $"p{parameters.Count}";
                parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, name, values[i], columns[i].IsNullable));
                text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }

            text.Append(')');
        }

        text.Append(" ON CONFLICT (").Append(sql.DelimitIdentifier(entity.FindProperty(nameof(StoryTopic.Slug))!.GetColumnName(table)!)).Append(") DO NOTHING");
        return await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
    }
}
