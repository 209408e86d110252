using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Group commit for new messages: sends from every room on this node queue here and are written in one transaction
/// each round, so a busy node pays one commit (one fsync) for many messages instead of one per message. A message's
/// task completes only after its transaction committed: an acknowledgement always means durable. Within the queue,
/// completions follow enqueue order, which the room grains rely on to broadcast in id order.
/// </summary>
public sealed partial class ChatMessageStore(IServiceScopeFactory scopes, ChatMetrics metrics, LoomClock clock, ILogger<ChatMessageStore> logger) : BackgroundService
{
    /// <summary>Most messages one transaction takes.</summary>
    private const int MaxBatch = 512;

    private MessageRowWriter? _rows;
    private bool _rowsChosen;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues <paramref name="message"/>; true once stored, false when its (room, author, client id) was already stored.</summary>
    public Task<bool> StoreAsync(ChatMessage message)
    {
        var pending = new Pending(message, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new InvalidOperationException("The chat message store is stopping."));
        }

        return pending.Done.Task;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: what is still queued was never acknowledged; fail it so no caller waits forever.
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(new OperationCanceledException("The server is stopping."));
        }

        _rows?.Dispose();
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var started = clock.GetTimestamp();
        try
        {
            if (!_rowsChosen)
            {
                using var probe = scopes.CreateScope();
                _rows = MessageRowWriter.For(probe.ServiceProvider.GetRequiredService<LoomDb>());
                _rowsChosen = true;
            }

            if (_rows is not null)
            {
                // SQLite: the writer checks each key itself, so a duplicate is an answer, not a rolled-back batch.
                var stored = _rows.Insert(batch.ConvertAll(p => p.Message));
                metrics.Commit(batch.Count, clock.GetElapsedTime(started));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(stored[i]);
                }

                return;
            }

            // PostgreSQL: SaveChanges sends the batch's inserts in one round trip.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Set<ChatMessage>().AddRange(batch.Select(p => p.Message));
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.Commit(batch.Count, clock.GetElapsedTime(started));
            foreach (var p in batch)
            {
                p.Done.TrySetResult(true);
            }
        }
        catch (DbUpdateException)
        {
            // PostgreSQL: a resend raced its first copy to the unique (room, author, client id) index and the batch
            // rolled back: write one at a time, so only the duplicate is told it was one.
            await WriteOneByOneAsync(batch);
        }
        catch (Exception e)
        {
            LogBatchFailed(logger, e, batch.Count);
            foreach (var p in batch)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteOneByOneAsync(List<Pending> batch)
    {
        foreach (var p in batch)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
                db.Set<ChatMessage>().Add(p.Message);
                await db.SaveChangesAsync(CancellationToken.None);
                p.Done.TrySetResult(true);
            }
            catch (DbUpdateException e)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
                var m = p.Message;
                if (await ClientKeys.Find(db, m.RoomId, m.AuthorId, m.ClientId).AnyAsync())
                {
                    p.Done.TrySetResult(false);
                }
                else
                {
                    p.Done.TrySetException(e);
                }
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} chat messages failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception e, int count);

    private sealed record Pending(ChatMessage Message, TaskCompletionSource<bool> Done);
}
