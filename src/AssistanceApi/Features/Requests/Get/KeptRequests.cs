using System.Collections.Concurrent;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests.Get;

/// <summary>
/// Requests as they were sent to a client, kept while no commit has changed their row (<see cref="TableChanges.OfRow"/>),
/// for at most <see cref="Lifetime"/> (<c>Requests:GetSeconds</c>), and never past the first moment at which time alone
/// would change what they show. A system that reads the same request again then costs no query until that request
/// changes, whatever happens to other requests meanwhile. Only on SQLite, where the API is one process (ADR 0005,
/// ADR 0014): a change made behind its back (SQL, the CLI) shows once the lifetime has run out, or at the next commit
/// through the API; on PostgreSQL every request is read. The count of a row is taken before its query, so the first
/// read of a request (by any client) only learns its row, and a later read is the first that can be kept. About
/// <see cref="MaxRequests"/> requests and rows and <see cref="MaxBytes"/> at once (callers racing may pass them by a
/// few): past either bound the store starts empty.
/// </summary>
public sealed class KeptRequests(Database database, TableChanges changes, TimeProvider clock, TreatyOptions options, TimeSpan lifetime)
{
    /// <summary>The longest a request changed behind the API's back may still be sent as it was.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(5);

    public const int MaxRequests = 16_384;
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary><c>Requests:GetSeconds</c>, 0 to 5 (default 5); 0 reads every request.</summary>
    public static TimeSpan LifetimeFrom(IConfiguration config) =>
        ReadLifetime.From(config, "Requests:GetSeconds", MaxLifetime, "so that a request changed outside the API reads as it is within that time");

    private static readonly string PreservedName = WireName.Of(RequestStatus.Preserved);

    private Shelf _shelf = new();

    public TimeSpan Lifetime { get; } = lifetime;

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Sqlite && lifetime > TimeSpan.Zero;

    /// <summary>What a kept request answers: the client (hence its State, role and visibility) and the request.</summary>
    public readonly record struct Key(Guid Client, string? State, string Role, Guid Request)
    {
        public static Key Of(Caller caller, Guid request) => new(caller.ClientId, caller.State, caller.Role, request);
    }

    /// <summary>The counts as they stood before a read of a row already known: its stripe's, and the writes from outside.</summary>
    public readonly record struct Before(long RowId, long Count, long Outside);

    private long _sent;

    /// <summary>How many requests were sent as kept: for diagnostics and tests.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public bool TryGet(Key key, out byte[] json, out long version)
    {
        json = null!;
        version = 0;
        if (!Enabled || !Volatile.Read(ref _shelf).Entries.TryGetValue(key, out var kept)
            || changes.OfRow(kept.RowId) != kept.Count || changes.Outside != kept.Outside || clock.GetUtcNow() >= kept.Until)
            return false;
        (json, version) = (kept.Json, kept.Version);
        Interlocked.Increment(ref _sent);
        return true;
    }

    /// <summary>Take it before the request's query and give it to <see cref="Keep"/>; none for a request not read before.</summary>
    public Before? CountBefore(Guid request)
    {
        if (!Enabled || !Volatile.Read(ref _shelf).Rows.TryGetValue(request, out var rowId)) return null;
        var outside = changes.Outside;
        return new Before(rowId, changes.OfRow(rowId), outside);
    }

    /// <summary>
    /// Keeps <paramref name="json"/> if the row was known before the read and no commit changed it since (an even count,
    /// unmoved, and no write from outside); in any case remembers which row the request is, so a later read can take
    /// its count first.
    /// </summary>
    public void Keep(Key key, Before? before, RequestRecord row, byte[] json, DateTimeOffset now)
    {
        if (!Enabled) return;
        // A hit compares with the counts before the read, so a read that raced a commit is never sent; reading them
        // again (after the query's reads) only spares keeping what would never be sent.
        Interlocked.MemoryBarrier();
        var unchanged = before is { } known && known.RowId == row.RowId && known.Count % 2 == 0
                        && changes.OfRow(row.RowId) == known.Count && changes.Outside == known.Outside;
        var until = KeptUntil.Of(row, now + Lifetime, now, options);
        // A preservation past its end shows expired or preserved by its follow-up, another row: never kept.
        var lapsing = row.StoredStatus == PreservedName && row.PreservedUntil <= now;
        var keep = unchanged && !lapsing && until > clock.GetUtcNow() && json.Length <= MaxBytes;
        var shelf = ShelfFor(keep ? json.Length : 0);
        shelf.Learn(row.Id, row.RowId);
        if (keep)
            shelf.Put(key, new Entry(row.RowId, before!.Value.Count, before.Value.Outside, json, row.Version, until));
    }

    private Shelf ShelfFor(long bytes)
    {
        var shelf = Volatile.Read(ref _shelf);
        if (Interlocked.Read(ref shelf.Count) + 2 <= MaxRequests && Interlocked.Read(ref shelf.Bytes) + bytes <= MaxBytes) return shelf;
        var fresh = new Shelf();
        var seen = Interlocked.CompareExchange(ref _shelf, fresh, shelf);
        return seen == shelf ? fresh : seen;
    }

    private sealed class Shelf
    {
        public readonly ConcurrentDictionary<Key, Entry> Entries = new();
        public readonly ConcurrentDictionary<Guid, long> Rows = new();
        public long Count;
        public long Bytes;

        public void Learn(Guid request, long rowId)
        {
            if (Rows.TryGetValue(request, out var known) && known == rowId) return;
            if (Rows.TryAdd(request, rowId)) Interlocked.Increment(ref Count);
            else Rows[request] = rowId;
        }

        public void Put(Key key, Entry entry)
        {
            while (true)
            {
                if (Entries.TryGetValue(key, out var old))
                {
                    if (!Entries.TryUpdate(key, entry, old)) continue;
                    Interlocked.Add(ref Bytes, entry.Json.Length - old.Json.Length);
                    return;
                }
                if (!Entries.TryAdd(key, entry)) continue;
                Interlocked.Increment(ref Count);
                Interlocked.Add(ref Bytes, entry.Json.Length);
                return;
            }
        }
    }

    /// <summary>A request as sent, kept under its row's <paramref name="Count"/> and the writes from outside seen.</summary>
    private sealed record Entry(long RowId, long Count, long Outside, byte[] Json, long Version, DateTimeOffset Until);
}
