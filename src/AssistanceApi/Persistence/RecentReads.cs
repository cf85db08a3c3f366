using System.Collections.Concurrent;

namespace AssistanceApi.Persistence;

/// <summary>
/// Values read from the database in the last few seconds, by key, for a process that is the only one writing them:
/// on SQLite the API is one process (ADR 0005); on PostgreSQL another instance may change a value, so the owner turns
/// this off. A change made through the API runs <see cref="ForgetAll"/> once committed; one made behind its back is
/// seen once the entry's lifetime has run out. A read that raced a change is not kept: take <see cref="Generation"/>
/// before the query and pass it to <see cref="Remember"/>.
/// </summary>
public class RecentReads<T>(bool enabled, TimeProvider clock, TimeSpan lifetime) where T : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    public bool Enabled { get; } = enabled && lifetime > TimeSpan.Zero;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string key, out T value)
    {
        value = null!;
        if (!Enabled || !_entries.TryGetValue(key, out var entry)) return false;
        if (clock.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return false;
        }
        value = entry.Value;
        return true;
    }

    public void Remember(string key, T value, long generation)
    {
        if (!Enabled) return;
        lock (_gate)
            if (generation == _generation) _entries[key] = new Entry(value, clock.GetUtcNow() + lifetime);
    }

    /// <summary>After a change has committed: the next read of any key asks the database again.</summary>
    public void ForgetAll()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }

    private sealed record Entry(T Value, DateTimeOffset ExpiresAt);
}
