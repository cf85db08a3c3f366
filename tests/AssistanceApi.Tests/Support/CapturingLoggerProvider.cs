using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AssistanceApi.Tests.Support;

/// <summary>Keeps every log entry (message, exception, structured values and scopes) for the test to search.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Entry(string Category, LogLevel Level, string Text);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => _entries.ToArray();

    /// <summary>Everything captured, as one text.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => $"[{e.Level}] {e.Category}: {e.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            if (exception is not null) parts.Add(exception.ToString());
            owner._scopes.ForEachScope((scope, list) => list.Add($"scope: {scope}"), parts);
            owner._entries.Enqueue(new Entry(category, logLevel, string.Join(" | ", parts)));
        }
    }
}
