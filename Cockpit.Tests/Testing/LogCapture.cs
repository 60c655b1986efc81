using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Testing;

/// <summary>Keeps what a host logged, so an end-to-end test can say in its failure message what happened.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join('\n', _lines);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var type = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
                owner._lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}{type}");
            }
        }
    }
}
