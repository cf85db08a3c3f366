using System.Collections.Concurrent;
using AssistanceApi.Persistence;

namespace AssistanceApi.Features.Requests.List;

/// <summary>
/// Pages of the list as they were sent, kept while no commit has changed the requests table
/// (<see cref="TableChanges"/>), for at most <see cref="Lifetime"/> (<c>Requests:ListPageSeconds</c>), and never past the first moment at which time
/// alone would change one of their items (the caller gives it). A national system polling its incoming list then
/// costs no query until something changes. Only on SQLite, where the API is one process (ADR 0005): a change made
/// behind its back (SQL, the CLI) shows once the page's lifetime has run out, as for keys and directory entries; on
/// PostgreSQL another instance may write, so every page is read. At most <see cref="MaxPages"/> pages and
/// <see cref="MaxBytes"/> at once, all of them of the current generation: past either bound, or at the next change,
/// the shelf starts empty again.
/// </summary>
public sealed class KeptPages(Database database, Writer writer, TimeProvider clock, TimeSpan lifetime)
{
    /// <summary>The longest a page changed behind the API's back may still be sent as it was.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(5);

    /// <summary><c>Requests:ListPageSeconds</c>, 0 to 5 (default 5); 0 reads every page.</summary>
    public static TimeSpan LifetimeFrom(IConfiguration config)
    {
        var seconds = config.GetValue("Requests:ListPageSeconds", MaxLifetime.TotalSeconds);
        if (seconds < 0 || seconds > MaxLifetime.TotalSeconds)
            throw new InvalidOperationException(
                $"Requests:ListPageSeconds (Requests__ListPageSeconds) is {seconds}: it must be between 0 and {MaxLifetime.TotalSeconds}, " +
                "so that a request changed outside the API lists as it is within that time.");
        return TimeSpan.FromSeconds(seconds);
    }

    public TimeSpan Lifetime { get; } = lifetime;
    public const int MaxPages = 1024;
    public const long MaxBytes = 64L * 1024 * 1024;

    private Shelf _shelf = new(-1);

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Sqlite && lifetime > TimeSpan.Zero;

    /// <summary>Take it before the page's query and give it to <see cref="Keep"/>: a page that raced a commit is not kept.</summary>
    public long Generation => writer.Changes.Of("requests");

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
        if (!Enabled || generation != Generation || until <= clock.GetUtcNow() || json.Length > MaxBytes) return;
        var shelf = Volatile.Read(ref _shelf);
        if (shelf.Generation != generation || shelf.Pages.Count >= MaxPages || Interlocked.Read(ref shelf.Bytes) + json.Length > MaxBytes)
        {
            var fresh = new Shelf(generation);
            var seen = Interlocked.CompareExchange(ref _shelf, fresh, shelf);
            shelf = seen == shelf ? fresh : seen;
            if (shelf.Generation != generation) return;
        }
        shelf.Pages[key] = new Page(json, until);
        Interlocked.Add(ref shelf.Bytes, json.Length);
    }

    private sealed class Shelf(long generation)
    {
        public readonly long Generation = generation;
        public readonly ConcurrentDictionary<string, Page> Pages = new(StringComparer.Ordinal);
        public long Bytes;
    }

    private sealed record Page(byte[] Json, DateTimeOffset Until);
}
