using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Worldloom.Platform.Tests.Support;

/// <summary>Captures every log line a server writes, at every level: add it with <c>builder.Logging.AddProvider</c>.</summary>
public sealed class LogSink : ILoggerProvider
{
    /// <summary>The lines so far, oldest first.</summary>
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), $"{state}", exception));
    }
}

/// <summary>One captured line: its level, category, formatted message, the state as text (structured values) and exception.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, string State, Exception? Exception)
{
    /// <summary>Everything the line carries, as one text to search.</summary>
    public override string ToString() => $"{Category} {Level} {Message} {State} {Exception}";
}
