using System.Text.Json;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using Dapper;
using Mediator;

namespace AssistanceApi.Idempotency;

/// <summary>
/// Inside the write's transaction: a key seen before with the same fingerprint replays the stored response
/// without running the handler; with another fingerprint it is refused; a new key stores the response in the
/// same transaction as the change, so a change and its key commit together or not at all.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(IdempotencyContext context, UnitOfWork unit, Database database, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IWriteCommand, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (context.Key is null) return await next(message, ct);

        var now = clock.Now();
        var fingerprint = message is IStreamedWriteCommand streamed ? Completed(context.Fingerprint, streamed.ContentFingerprint) : context.Fingerprint;
        var key = new Key(context.ClientId, context.Key, fingerprint, now, now - IdempotencyContext.Lifetime);
        return database.Dialect.OneWriter ? await LookThenWriteAsync(key, message, next, ct) : await ClaimThenStoreAsync(key, message, next, ct);
    }

    private sealed record Key(Guid Client, string Value, string? Fingerprint, DateTimeOffset Now, DateTimeOffset Since);

    /// <summary>
    /// One writer runs one unit at a time (SQLite): nothing can take the key between this look and the write after the
    /// handler, so the key is written once, with its response (a claim and then an update cost that writer a second write).
    /// </summary>
    private async Task<TResponse> LookThenWriteAsync(Key key, TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var live = await unit.Connection.QuerySingleOrDefaultAsync<StoredResponse>(SeenSql + " AND created_at >= @Since", key, unit.Transaction);
        if (live is not null) return Replay(live, key.Fingerprint);
        var response = await next(message, ct);
        await unit.Connection.ExecuteAsync(Write("@Response", onlyIfExpired: false), new { key.Client, key.Value, key.Fingerprint, key.Now, Response = Stored(response) },
            unit.Transaction);
        return response;
    }

    /// <summary>
    /// Claims the key first (or takes over an expired one): a concurrent request with the same key, on any PostgreSQL
    /// instance, waits on this row and then finds it taken. The response is stored once the handler has run.
    /// </summary>
    private async Task<TResponse> ClaimThenStoreAsync(Key key, TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var claimed = await unit.Connection.ExecuteAsync(Write("''", onlyIfExpired: true), key, unit.Transaction) == 1;
        if (!claimed) return Replay(await unit.Connection.QuerySingleAsync<StoredResponse>(SeenSql, key, unit.Transaction), key.Fingerprint);

        var response = await next(message, ct);
        await unit.Connection.ExecuteAsync(
            "UPDATE idempotency_keys SET response = @Response WHERE client_id = @Client AND idempotency_key = @Value",
            new { key.Client, key.Value, Response = Stored(response) }, unit.Transaction);
        return response;
    }

    private const string SeenSql =
        "SELECT fingerprint AS Fingerprint, response AS Response FROM idempotency_keys WHERE client_id = @Client AND idempotency_key = @Value";

    /// <summary>The key written with <paramref name="response"/>; a key already there is taken over (only once expired, if so asked).</summary>
    private static string Write(string response, bool onlyIfExpired) =>
        $"""
         INSERT INTO idempotency_keys (client_id, idempotency_key, fingerprint, response, created_at)
         VALUES (@Client, @Value, @Fingerprint, {response}, @Now)
         ON CONFLICT (client_id, idempotency_key) DO UPDATE
         SET fingerprint = excluded.fingerprint, response = excluded.response, created_at = excluded.created_at
         {(onlyIfExpired ? "WHERE idempotency_keys.created_at < @Since" : "")}
         """;

    /// <summary>The same request again gets the stored response without running the handler; another request is refused.</summary>
    private static TResponse Replay(StoredResponse seen, string? fingerprint) =>
        seen.Fingerprint == fingerprint
            ? JsonSerializer.Deserialize<TResponse>(seen.Response, JsonDefaults.Options)!
            : throw Problems.Unprocessable("idempotency-key-reused",
                "This Idempotency-Key was used with another request in the last 24 hours; use a new key for a new request.",
                [new ProblemError(IdempotencyContext.Header, "already used for a different request", "idempotency-key-reused")]);

    /// <summary>A secret is never at rest: a replay gets the response without it (and says so).</summary>
    private static string Stored(TResponse response)
    {
        object? stored = response is IHoldsSecret secret ? secret.WithoutSecret() : response;
        return JsonSerializer.Serialize(stored, stored?.GetType() ?? typeof(TResponse), JsonDefaults.Options);
    }

    private static string Completed(string? before, string content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{before}\n{content}")));

    private sealed class StoredResponse
    {
        public string Fingerprint { get; init; } = "";
        public string Response { get; init; } = "";
    }
}
