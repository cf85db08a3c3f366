using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>
/// A document's chain of custody: every upload, download and supersession, who (State, role, client), when, what and the
/// digest, in a keyed hash chain of its own. It is the admin logs' chain (<see cref="AdminLog"/>, <see cref="AdminLogHash"/>:
/// HMAC-SHA256 under the audit chain key, a sealed tip, appends serialised per log) under the log name
/// <c>document:&lt;id&gt;</c>, so custody needs no second chain implementation and verifies exactly like the admin logs.
/// </summary>
public static class CustodyLog
{
    public const string Uploaded = "uploaded";
    public const string Downloaded = "downloaded";
    public const string Superseded = "superseded";

    public static string Of(Guid documentId) => "document:" + documentId.ToString("D");

    public static Task AppendAsync(
        DbConnection connection, DbTransaction transaction, Dialect dialect, Guid documentId, string action, Caller actor, object details,
        DateTimeOffset at, ChainKeys keys) =>
        AdminLog.AppendAsync(connection, transaction, dialect, Of(documentId), action, documentId.ToString("D"), actor,
            JsonSerializer.Serialize(details, Http.JsonDefaults.Options), at, keys);

    /// <summary>The whole log, oldest first, and whether its chain and sealed tip verify.</summary>
    public static async Task<(IReadOnlyList<AdminLogEvent> Entries, bool ChainValid)> ReadAsync(Database database, Guid documentId, ChainKeys keys, CancellationToken ct)
    {
        var log = Of(documentId);
        var (events, tip) = await AdminLog.ReadAsync(database, log, ct);
        return (events, AdminLogHash.IsValidChain(log, events, tip, keys));
    }
}
