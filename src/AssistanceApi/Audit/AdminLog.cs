using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Dapper;

namespace AssistanceApi.Audit;

/// <summary>Appends to and reads the admin logs: one hash chain a State, one for the secretariat's own clients.</summary>
public static class AdminLog
{
    public const string Columns =
        "log AS Log, sequence AS Sequence, at AS At, action AS Action, actor_client AS ActorClient, actor_state AS ActorState, " +
        "actor_role AS ActorRole, target AS Target, details AS Details, previous_hash AS PreviousHash, key_id AS KeyId, hash AS Hash";

    /// <summary>
    /// Holds the log until the transaction ends (PostgreSQL: two instances queue instead of forking the chain; the
    /// unique (log, sequence) index is the backstop). SQLite needs nothing: it has one writer.
    /// </summary>
    public static async Task LockAsync(DbConnection connection, DbTransaction transaction, Dialect dialect, string log)
    {
        if (dialect.LockAdminLog.Length > 0) await connection.ExecuteAsync(dialect.LockAdminLog, new { log = "admin-log:" + log }, transaction);
    }

    public static async Task AppendAsync(
        DbConnection connection, DbTransaction transaction, Dialect dialect,
        string log, string action, string target, Caller? actor, string details, DateTimeOffset at, ChainKeys keys)
    {
        await LockAsync(connection, transaction, dialect, log);
        var tip = await connection.QuerySingleOrDefaultAsync<Tip>(
            "SELECT sequence AS Sequence, hash AS Hash FROM admin_events WHERE log = @log ORDER BY sequence DESC LIMIT 1",
            new { log }, transaction);
        var entry = new AdminLogEvent
        {
            Log = log, Sequence = (tip?.Sequence ?? 0) + 1, At = TypeHandlers.ToMicroseconds(at), Action = action,
            ActorClient = actor?.ClientId, ActorState = actor?.State, ActorRole = actor?.Role,
            Target = target, Details = details, PreviousHash = tip?.Hash ?? AdminLogHash.Genesis,
        };
        AdminLogHash.Sign(entry, keys);
        await connection.ExecuteAsync(
            """
            INSERT INTO admin_events (id, log, sequence, at, action, actor_client, actor_state, actor_role, target, details, previous_hash, key_id, hash)
            VALUES (@id, @Log, @Sequence, @At, @Action, @ActorClient, @ActorState, @ActorRole, @Target, @Details, @PreviousHash, @KeyId, @Hash)
            """,
            new
            {
                id = Ids.Next(at), entry.Log, entry.Sequence, entry.At, entry.Action, entry.ActorClient, entry.ActorState,
                entry.ActorRole, entry.Target, entry.Details, entry.PreviousHash, entry.KeyId, entry.Hash,
            },
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO admin_log_tips (log, length, seal) VALUES (@log, @length, @seal)
            ON CONFLICT (log) DO UPDATE SET length = excluded.length, seal = excluded.seal
            """,
            new { log, length = entry.Sequence, seal = keys.Seal(AdminLogHash.TipBytes(log, entry.Sequence, entry.Hash)) },
            transaction);
    }

    /// <summary>The whole chain of a log, in order, and its sealed tip, read at one moment: what chainValid is computed over.</summary>
    public static async Task<(List<AdminLogEvent> Events, AdminLogTip? Tip)> ReadAsync(Database database, string log, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var snapshot = await database.BeginSnapshotAsync(connection, ct);
        var events = (await connection.QueryAsync<AdminLogEvent>(new CommandDefinition(
            $"SELECT {Columns} FROM admin_events WHERE log = @log ORDER BY sequence", new { log }, snapshot, cancellationToken: ct))).ToList();
        var tip = await connection.QuerySingleOrDefaultAsync<AdminLogTip>(new CommandDefinition(
            "SELECT length AS Length, seal AS Seal FROM admin_log_tips WHERE log = @log", new { log }, snapshot, cancellationToken: ct));
        return (events, tip);
    }

    private sealed class Tip
    {
        public long Sequence { get; init; }
        public string Hash { get; init; } = "";
    }
}
