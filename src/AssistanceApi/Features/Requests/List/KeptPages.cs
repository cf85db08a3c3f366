using System.Collections.Concurrent;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests.List;

/// <summary>
/// Pages of the list as they were sent, kept while no commit has changed the requests table
/// (<see cref="TableChanges"/>), for at most <see cref="Lifetime"/> (<c>Requests:ListPageSeconds</c>), and never past
/// the first moment at which time alone would change one of their items. A national system polling its incoming list
/// then costs no query until a request changes. Only on SQLite, where the API is one process (ADR 0005, ADR 0013): a
/// change made behind its back (SQL, the CLI) shows once the page's lifetime has run out, as for keys and directory
/// entries; on PostgreSQL another instance may write, so every page is read. About <see cref="MaxPages"/> pages and
/// <see cref="MaxBytes"/> at once (callers racing may pass them by a few), all of the current count: past either
/// bound, or at the next change, the store starts empty.
/// </summary>
public sealed class KeptPages(Database database, TableChanges changes, TimeProvider clock, TreatyOptions options, TimeSpan lifetime)
{
    /// <summary>The longest a page changed behind the API's back may still be sent as it was.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(5);

    public const int MaxPages = 1024;
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary><c>Requests:ListPageSeconds</c>, 0 to 5 (default 5); 0 reads every page.</summary>
    public static TimeSpan LifetimeFrom(IConfiguration config) =>
        ReadLifetime.From(config, "Requests:ListPageSeconds", MaxLifetime, "so that a request changed outside the API lists as it is within that time");

    private static readonly string PreservedName = WireName.Of(RequestStatus.Preserved);
    private static readonly string ExpiredName = WireName.Of(RequestStatus.Expired);

    private Shelf _shelf = new(-1);

    public TimeSpan Lifetime { get; } = lifetime;

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Sqlite && lifetime > TimeSpan.Zero;

    /// <summary>Take it before the page's query and give it to <see cref="Keep"/>: a page that raced a commit is not kept.</summary>
    public long Generation => changes.Of("requests");

    /// <summary>
    /// What a kept page answers: the client (hence its State, role, visibility and allowed actions) and every filter;
    /// null for pages whose rows time alone moves on or off (overdue, expiring, preserved or expired by the clock).
    /// </summary>
    public static string? KeyOf(Caller caller, ListRequestsRequest filter) =>
        filter.Overdue == true || filter.ExpiringWithinDays is not null || filter.Status == PreservedName || filter.Status == ExpiredName
            ? null
            : string.Join('|', caller.ClientId.ToString("N"), caller.State, caller.Role, filter.Direction, filter.Status, filter.Kind,
                filter.Counterpart, filter.Cursor, filter.Take);

    /// <summary>No longer than the lifetime, nor past the first moment time alone changes what an item shows.</summary>
    public DateTimeOffset Until(IReadOnlyList<RequestRecord> items, DateTimeOffset now)
    {
        var until = now + Lifetime;
        foreach (var row in items) until = KeptUntil.Of(row, until, now, options);
        return until;
    }

    public bool TryGet(string key, out byte[] json)
    {
        json = null!;
        var shelf = Volatile.Read(ref _shelf);
        if (!Enabled || shelf.Generation != Generation || !shelf.Pages.TryGetValue(key, out var kept) || clock.GetUtcNow() >= kept.Until)
            return false;
        json = kept.Json;
        return true;
    }

    public void Keep(string key, byte[] json, long generation, DateTimeOffset until)
    {
        // An odd count: a commit that changed requests is under way, and the page may be from before it.
        if (!Enabled || generation % 2 != 0 || generation != Generation || until <= clock.GetUtcNow() || json.Length > MaxBytes) return;
        var shelf = Volatile.Read(ref _shelf);
        if (shelf.Generation != generation || shelf.Pages.Count >= MaxPages || Interlocked.Read(ref shelf.Bytes) + json.Length > MaxBytes)
        {
            var fresh = new Shelf(generation);
            var seen = Interlocked.CompareExchange(ref _shelf, fresh, shelf);
            shelf = seen == shelf ? fresh : seen;
            if (shelf.Generation != generation) return;
        }
        shelf.Put(key, new Page(json, until));
    }

    private sealed class Shelf(long generation)
    {
        public readonly long Generation = generation;
        public readonly ConcurrentDictionary<string, Page> Pages = new(StringComparer.Ordinal);
        public long Bytes;

        public void Put(string key, Page page)
        {
            while (true)
            {
                if (Pages.TryGetValue(key, out var old))
                {
                    if (!Pages.TryUpdate(key, page, old)) continue;
                    Interlocked.Add(ref Bytes, page.Json.Length - old.Json.Length);
                    return;
                }
                if (!Pages.TryAdd(key, page)) continue;
                Interlocked.Add(ref Bytes, page.Json.Length);
                return;
            }
        }
    }

    private sealed record Page(byte[] Json, DateTimeOffset Until);
}
