using System.Collections.Concurrent;
using AssistanceApi.Persistence;

namespace AssistanceApi.Auth;

/// <summary>
/// The clients behind keys already seen, so that authenticating costs no query. Only on SQLite: there the API
/// is one process, every revocation and rotation passes through it, and <see cref="ForgetAll"/> runs once the
/// change is committed. On PostgreSQL another instance may revoke a key, so every call asks the database.
/// </summary>
public sealed class KnownKeys(Database database)
{
    private readonly ConcurrentDictionary<string, KnownClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Sqlite;

    /// <summary>Read before the lookup and passed to <see cref="Remember"/>, so a lookup that raced a revocation is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string keyHash, out KnownClient client)
    {
        client = null!;
        return Enabled && _clients.TryGetValue(keyHash, out client!);
    }

    public void Remember(string keyHash, KnownClient client, long generation)
    {
        if (!Enabled) return;
        lock (_gate)
            if (generation == _generation) _clients[keyHash] = client;
    }

    /// <summary>After a revocation or rotation has committed: the next call with any key reads the database again.</summary>
    public void ForgetAll()
    {
        lock (_gate)
        {
            _generation++;
            _clients.Clear();
        }
    }
}

public sealed record KnownClient(Guid Id, string? State, string Role);
