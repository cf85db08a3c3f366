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
/// ADR 0014): a change made behind its back (SQL, the CLI) shows once the lifetime has run out; on PostgreSQL every
/// request is read. The count of a row is taken before its query, so a client's first read of a request only learns
/// the row (its rowid) and its second read is the first that can be kept. About <see cref="MaxRequests"/> requests and
/// <see cref="MaxBytes"/> at once (callers racing may pass them by a few): past either bound the store starts empty.
/// </summary>
public sealed class KeptRequests(Database database, Writer writer, TimeProvider clock, TreatyOptions options, TimeSpan lifetime)
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

    /// <summary>The row's count as it stood before a read, if the row is known from an earlier one.</summary>
    public readonly record struct Before(long RowId, long Count);

    public bool TryGet(Key key, out byte[] json, out long version)
    {
        json = null!;
        version = 0;
        if (!Enabled || !Volatile.Read(ref _shelf).Entries.TryGetValue(key, out var kept) || kept.Json is null
            || writer.Changes.OfRow(kept.RowId) != kept.Count || clock.GetUtcNow() >= kept.Until)
            return false;
        (json, version) = (kept.Json, kept.Version);
        return true;
    }

    /// <summary>Take it before the request's query and give it to <see cref="Keep"/>; none for a row not read before.</summary>
    public Before? CountBefore(Key key) =>
        Enabled && Volatile.Read(ref _shelf).Entries.TryGetValue(key, out var kept) ? new Before(kept.RowId, writer.Changes.OfRow(kept.RowId)) : null;

    /// <summary>
    /// Keeps <paramref name="json"/> if the row was known before the read and no commit changed it since (an even count,
    /// unmoved); else remembers only which row it is, so the next read can take its count first.
    /// </summary>
    public void Keep(Key key, Before? before, RequestRecord row, byte[] json, DateTimeOffset now)
    {
        if (!Enabled) return;
        var until = KeptUntil.Of(row, now + Lifetime, now, options);
        // A preservation past its end shows expired or preserved by its follow-up, another row: never kept.
        var lapsing = row.StoredStatus == PreservedName && row.PreservedUntil <= now;
        var unchanged = before is { } known && known.RowId == row.RowId && known.Count % 2 == 0 && writer.Changes.OfRow(row.RowId) == known.Count;
        var keep = unchanged && !lapsing && until > clock.GetUtcNow() && json.Length <= MaxBytes;
        Put(key, keep ? new Entry(row.RowId, before!.Value.Count, json, row.Version, until) : new Entry(row.RowId, -1, null, 0, default));
    }

    private void Put(Key key, Entry entry)
    {
        var shelf = Volatile.Read(ref _shelf);
        var bytes = entry.Json?.Length ?? 0;
        if (shelf.Entries.Count >= MaxRequests || Interlocked.Read(ref shelf.Bytes) + bytes > MaxBytes)
        {
            var fresh = new Shelf();
            var seen = Interlocked.CompareExchange(ref _shelf, fresh, shelf);
            shelf = seen == shelf ? fresh : seen;
        }
        shelf.Put(key, entry);
    }

    private sealed class Shelf
    {
        public readonly ConcurrentDictionary<Key, Entry> Entries = new();
        public long Bytes;

        public void Put(Key key, Entry entry)
        {
            while (true)
            {
                if (Entries.TryGetValue(key, out var old))
                {
                    if (!Entries.TryUpdate(key, entry, old)) continue;
                    Interlocked.Add(ref Bytes, (entry.Json?.Length ?? 0) - (old.Json?.Length ?? 0));
                    return;
                }
                if (!Entries.TryAdd(key, entry)) continue;
                Interlocked.Add(ref Bytes, entry.Json?.Length ?? 0);
                return;
            }
        }
    }

    /// <summary>A request as sent (<paramref name="Json"/> null: only its row is known) under its row's <paramref name="Count"/>.</summary>
    private sealed record Entry(long RowId, long Count, byte[]? Json, long Version, DateTimeOffset Until);
}
