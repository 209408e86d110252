using System.Collections.Concurrent;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Connections that must send <c>auth</c> in time, watched by one timer for all of them. Every connection gets the same
/// timeout, so they fall due in the order they opened and a queue is enough: a connection costs a queue slot, not a
/// timer of its own (<c>docs/benchmarks.md</c>, memory per idle connection).
/// </summary>
/// <param name="clock">Whose time the deadlines are in.</param>
/// <param name="timeout">How long a connection may take to authenticate.</param>
/// <param name="due">Called with each connection whose time ran out; it decides whether it authenticated meanwhile.</param>
public sealed class AuthDeadlines(TimeProvider clock, TimeSpan timeout, Action<ChatConnection> due) : IDisposable
{
    private readonly ConcurrentQueue<(long Due, ChatConnection Connection)> _waiting = new();
    private readonly Lock _timerGate = new();
    private ITimer? _timer;
    private int _sweeping;

    /// <summary>Starts <paramref name="connection"/>'s deadline now.</summary>
    public void Add(ChatConnection connection)
    {
        _waiting.Enqueue((clock.GetTimestamp() + (long)(timeout.TotalSeconds * clock.TimestampFrequency), connection));
        if (Volatile.Read(ref _timer) is null)
        {
            lock (_timerGate)
            {
                // Late by at most a quarter of the timeout (and a second): a deadline is a bound, not an appointment.
                var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));
                _timer ??= clock.CreateTimer(static state => ((AuthDeadlines)state!).Sweep(), this, period, period);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_timerGate)
        {
            _timer?.Dispose();
        }
    }

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            var now = clock.GetTimestamp();
            while (_waiting.TryPeek(out var head) && head.Due <= now && _waiting.TryDequeue(out head))
            {
                due(head.Connection);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
