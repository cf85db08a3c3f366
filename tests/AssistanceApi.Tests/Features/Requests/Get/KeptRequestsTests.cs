using System.Net;
using AssistanceApi.Features.Requests;
using AssistanceApi.Features.Requests.Get;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using AssistanceApi.Treaty;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AssistanceApi.Tests.Support.Preservations;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.Get;

/// <summary>
/// On SQLite the API keeps a request as it sent it to a client (KeptRequests) until a commit changes that request's
/// row, for at most five seconds, and never past the moment time alone changes what it shows. The first read of a
/// request only learns its row; later reads are kept. A change through the API shows at once; one made behind its
/// back (SQL, the CLI) at the API's next commit or within five seconds; PostgreSQL reads every request.
/// </summary>
public sealed class KeptRequestsTests
{
    private static async Task<(string Body, HttpResponseMessage Response)> ReadAsync(HttpClient client, string id)
    {
        var response = await client.GetRequestAsync(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response);
    }

    private static async Task<long> VersionAsync(HttpClient client, string id) => (await client.ReadRequestAsync(id))["version"]!.GetValue<long>();

    /// <summary>Read twice: the first read learns the row, the second keeps it.</summary>
    private static async Task<long> KeptVersionAsync(HttpClient client, string id)
    {
        await VersionAsync(client, id);
        return await VersionAsync(client, id);
    }

    /// <summary>How many reads were sent as kept so far (0 on PostgreSQL, where nothing is).</summary>
    private static long Sent(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<KeptRequests>().Sent;

    private static Task BumpVersionBehindTheApiAsync(ApiFactory api, string id) =>
        api.Database.ExecuteAsync("UPDATE requests SET version = version + 100 WHERE id = @id", new { id = Guid.Parse(id) });

#if POSTGRES
    private const int KeptReads = 0;
#else
    private const int KeptReads = 1;
#endif

    [Fact]
    public async Task A_request_written_straight_into_the_response_is_the_kept_requests_bytes()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["facts"] = "Données chiffrées — 漢字 <script>\"&'\u2028";
        var id = await fra.CreateDraftAsync(body);
        await ReadAsync(fra, id);
        var (kept, keptResponse) = await ReadAsync(fra, id);
        // The same database through a host that keeps nothing: its request goes straight from the row to the response.
        var readEveryTime = api.WithWebHostBuilder(b => b.UseSetting("Requests:GetSeconds", "0"));
        var (written, writtenResponse) = await ReadAsync(readEveryTime.As(DemoKeys.Fra), id);
        Assert.Equal(kept, written);
        Assert.Contains("漢字", kept);

        var sent = Sent(api);
        var (again, againResponse) = await ReadAsync(fra, id);
        Assert.Equal(sent + KeptReads, Sent(api)); // this one was sent as kept
        Assert.Equal(written, again);
        Assert.Equal("application/json; charset=utf-8", againResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(writtenResponse.Content.Headers.ContentType, againResponse.Content.Headers.ContentType);
        Assert.Equal("\"1\"", againResponse.Headers.ETag?.Tag);
        Assert.Equal(writtenResponse.Headers.ETag, againResponse.Headers.ETag);
    }

    [Fact]
    public async Task A_request_changed_behind_the_API_is_read_within_five_seconds_or_at_the_APIs_next_commit()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var version = await KeptVersionAsync(fra, id);

        await BumpVersionBehindTheApiAsync(api, id);
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(version + 100, await KeptVersionAsync(fra, id));

        await BumpVersionBehindTheApiAsync(api, id);
        // Any commit through the API finds another connection has committed: nothing kept before it is sent again
        // (a VACUUM behind the API may have renumbered the rows the counts are kept by).
        await fra.CreateDraftAsync(Bodies.CompleteMla());
        Assert.Equal(version + 200, await VersionAsync(fra, id));
    }

    [Fact]
    public async Task Other_requests_changing_leave_a_kept_request_kept_and_its_own_change_shows_at_once_on_both_sides()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await KeptVersionAsync(deu, id);
        await KeptVersionAsync(fra, id);

        // Other requests change through the API: FRA drafts and submits another, DEU acknowledges it.
        var other = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await deu.ActAsync(other, "acknowledge");
        var sent = Sent(api);
        Assert.Equal("submitted", (await deu.ReadRequestAsync(id))["status"].Str());
        Assert.Equal("submitted", (await fra.ReadRequestAsync(id))["status"].Str());
        Assert.Equal(sent + 2 * KeptReads, Sent(api)); // both still kept: their row has not changed

        await deu.ActAsync(id, "acknowledge");
        Assert.Equal("acknowledged", (await deu.ReadRequestAsync(id))["status"].Str());
        Assert.Equal("acknowledged", (await fra.ReadRequestAsync(id))["status"].Str());
    }

    [Fact]
    public async Task A_request_read_once_by_anyone_is_kept_at_another_clients_first_read()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await VersionAsync(deu, id); // learns the row
        await VersionAsync(fra, id); // FRA's first read: kept
        var sent = Sent(api);

        var read = await fra.ReadRequestAsync(id);

        Assert.Equal(sent + KeptReads, Sent(api));
        Assert.Contains("withdraw", read.Allowed()); // FRA's own, not DEU's
    }

    [Fact]
    public async Task With_no_lifetime_a_request_changed_behind_the_API_is_read_at_once()
    {
        await using var api = new ApiFactory();
        api.Settings["Requests:GetSeconds"] = "0";
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var version = await KeptVersionAsync(fra, id);

        await BumpVersionBehindTheApiAsync(api, id);

        Assert.Equal(version + 100, await VersionAsync(fra, id));
        Assert.Equal(0, Sent(api));
    }

    [Fact]
    public async Task Each_caller_is_sent_its_own_request_and_a_client_that_may_not_see_it_a_404()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await KeptVersionAsync(fra, id);
        await KeptVersionAsync(deu, id);
        var sent = Sent(api);

        for (var i = 0; i < 3; i++) // kept for FRA and DEU by now, each with its own actions
        {
            Assert.Contains("withdraw", (await fra.ReadRequestAsync(id)).Allowed());
            Assert.DoesNotContain("acknowledge", (await fra.ReadRequestAsync(id)).Allowed());
            Assert.Contains("acknowledge", (await deu.ReadRequestAsync(id)).Allowed());
            Assert.DoesNotContain("withdraw", (await deu.ReadRequestAsync(id)).Allowed());
            // A State that is no party, and the same State's 24/7 point of contact (no MLA): as if it did not exist.
            await (await api.As(DemoKeys.Ken).GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
            await (await api.As(DemoKeys.Fra247).GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(sent + 12 * KeptReads, Sent(api));
    }

    [Fact]
    public async Task A_draft_kept_for_its_author_is_not_shown_to_the_requested_State_until_submitted()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        await KeptVersionAsync(fra, id);
        for (var i = 0; i < 2; i++) await (await deu.GetRequestAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);

        await (await fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", (await deu.ReadRequestAsync(id))["status"].Str());
        Assert.Equal("submitted", (await fra.ReadRequestAsync(id))["status"].Str());
    }

    [Fact]
    public async Task A_request_is_kept_no_later_than_the_moment_its_preservation_ends()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26"); // to 2027-01-26T23:59:59Z
        var lastSecond = new DateTimeOffset(2027, 1, 26, 23, 59, 59, TimeSpan.Zero);
        api.AdvanceTo(lastSecond.AddSeconds(-2));
        await KeptVersionAsync(fra, id);
        var sent = Sent(host);

        api.AdvanceTo(lastSecond.AddSeconds(-1));
        Assert.Equal("preserved", (await fra.ReadRequestAsync(id))["status"].Str());
        Assert.Equal(sent + KeptReads, Sent(host)); // still kept

        api.AdvanceTo(lastSecond.AddSeconds(1)); // 3 s after it was kept: within its five seconds, past the preservation
        Assert.Equal("expired", (await fra.ReadRequestAsync(id))["status"].Str());
    }

    [Fact]
    public async Task A_preservation_past_its_end_and_not_yet_swept_is_never_kept()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26");
        api.AdvanceTo(new DateTimeOffset(2027, 1, 27, 0, 0, 0, TimeSpan.Zero)); // stored preserved, read as expired
        var sent = Sent(host);

        // What it shows hangs on its follow-up, another row: read every time.
        for (var i = 0; i < 3; i++) Assert.Equal("expired", (await fra.ReadRequestAsync(id))["status"].Str());
        Assert.Equal(sent, Sent(host));
    }

    [Fact]
    public async Task A_request_is_kept_no_later_than_the_moment_a_consultation_period_runs_out()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "consultation"); // DEU consulted FRA just now; FRA has not answered
        var runsOut = api.Clock.GetUtcNow().AddDays(30);
        api.AdvanceTo(runsOut.AddSeconds(-2));
        await KeptVersionAsync(c.Deu, c.Id);
        var sent = Sent(api);

        api.AdvanceTo(runsOut.AddSeconds(-1));
        Assert.DoesNotContain("refuse", (await c.Deu.ReadRequestAsync(c.Id)).Allowed());
        Assert.Equal(sent + KeptReads, Sent(api)); // still kept

        api.AdvanceTo(runsOut); // 2 s after it was kept: within its five seconds, the period over
        Assert.Contains("refuse", (await c.Deu.ReadRequestAsync(c.Id)).Allowed());
    }

#if !POSTGRES
    /// <summary>
    /// An API with two drafts of FRA's, and a store of the test's own counted from a connection of the test's own: the
    /// test takes the writer's steps. <see cref="Row"/> is the first draft's row, <see cref="Key"/> a client's key to it.
    /// </summary>
    private sealed class Standalone : IAsyncDisposable
    {
        public required ApiFactory Api { get; init; }
        public required TableChanges Changes { get; init; }
        public required KeptRequests Kept { get; init; }
        public required SqliteConnection Connection { get; init; }
        public required RequestRecord Row { get; init; }
        public required KeptRequests.Key Key { get; init; }

        /// <summary>The second draft: another row of the same table.</summary>
        public required string Other { get; init; }

        public DateTimeOffset Now => Api.Clock.GetUtcNow();

        public static async Task<Standalone> StartAsync()
        {
            var api = new ApiFactory();
            var fra = api.As(DemoKeys.Fra);
            var (id, other) = (await fra.CreateDraftAsync(Bodies.CompleteMla()), await fra.CreateDraftAsync(Bodies.CompleteMla()));
            var changes = new TableChanges(rowsOf: "requests");
            var kept = new KeptRequests(api.Services.GetRequiredService<Database>(), changes, api.Clock,
                api.Services.GetRequiredService<TreatyOptions>(), TimeSpan.FromSeconds(5));
            var connection = new SqliteConnection(api.Database.ConnectionString);
            await connection.OpenAsync();
            changes.Watch(connection);
            var row = (await api.Database.QueryAsync<RequestRecord>(
                $"SELECT r.rowid AS RowId, {RequestRecord.Columns} FROM requests r WHERE r.id = @id", new { id = Guid.Parse(id) })).Single();
            return new Standalone { Api = api, Changes = changes, Kept = kept, Connection = connection, Row = row, Key = KeyOf(row), Other = other };
        }

        /// <summary>Changes the request on the watched connection and commits as the writer does.</summary>
        public async Task CommitChangeAsync(Guid id, long? dataVersion = null)
        {
            await Connection.ExecuteAsync("UPDATE requests SET updated_at = updated_at WHERE id = @id", new { id });
            Changes.Committing(dataVersion);
            Changes.BatchEnded();
        }

        /// <summary>A read of <see cref="Row"/> as the handler makes it: the count taken before, then kept.</summary>
        public void Keep(KeptRequests.Key key, byte[] json) => Kept.Keep(key, Kept.CountBefore(Row.Id), Row, json, Now);

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await Api.DisposeAsync();
        }
    }

    private static KeptRequests.Key KeyOf(RequestRecord row) => new(Guid.NewGuid(), "FRA", "central-authority", row.Id);

    [Fact]
    public async Task A_first_read_only_learns_the_row_and_a_read_that_raced_a_commit_of_its_row_is_not_kept()
    {
        await using var s = await Standalone.StartAsync();
        var (row, key) = (s.Row, s.Key);

        Assert.Null(s.Kept.CountBefore(row.Id));
        s.Keep(key, [1]);
        Assert.False(s.Kept.TryGet(key, out _, out _)); // only the row is known
        var before = s.Kept.CountBefore(row.Id);
        Assert.NotNull(before);

        await s.CommitChangeAsync(row.Id); // commits a change of its row while it is read
        s.Kept.Keep(key, before, row, [2], s.Now);
        Assert.False(s.Kept.TryGet(key, out _, out _));

        s.Keep(key, [3]);
        Assert.True(s.Kept.TryGet(key, out var json, out var version));
        Assert.Equal([3], json);
        Assert.Equal(row.Version, version);

        await s.CommitChangeAsync(Guid.Parse(s.Other)); // another row: still kept
        Assert.True(s.Kept.TryGet(key, out _, out _));
        await s.CommitChangeAsync(row.Id); // its own: no longer
        Assert.False(s.Kept.TryGet(key, out _, out _));

        s.Keep(key, [4]);
        s.Api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(s.Kept.TryGet(key, out _, out _)); // its lifetime is over
    }

    [Fact]
    public async Task While_a_commit_that_changed_its_row_is_under_way_nothing_is_sent_as_kept_nor_kept()
    {
        await using var s = await Standalone.StartAsync();
        var key = s.Key;
        s.Keep(key, [1]);
        s.Keep(key, [1]);
        Assert.True(s.Kept.TryGet(key, out _, out _));

        await s.Connection.ExecuteAsync("UPDATE requests SET version = version WHERE id = @id", new { id = s.Row.Id });
        s.Changes.Committing();

        Assert.False(s.Kept.TryGet(key, out _, out _));
        s.Keep(key, [2]);
        Assert.False(s.Kept.TryGet(key, out _, out _));

        s.Changes.BatchEnded();
        s.Keep(key, [3]);
        Assert.True(s.Kept.TryGet(key, out var json, out _));
        Assert.Equal([3], json);
    }

    [Fact]
    public async Task A_commit_from_outside_seen_by_the_writer_drops_what_is_kept_and_a_read_across_it_is_not_kept()
    {
        await using var s = await Standalone.StartAsync();
        var (key, other) = (s.Key, Guid.Parse(s.Other));
        await s.CommitChangeAsync(other, dataVersion: 1);
        s.Keep(key, [1]);
        s.Keep(key, [1]);
        Assert.True(s.Kept.TryGet(key, out _, out _));
        await s.CommitChangeAsync(other, dataVersion: 1); // nothing from outside since
        Assert.True(s.Kept.TryGet(key, out _, out _));

        await s.CommitChangeAsync(other, dataVersion: 2); // another connection committed: rowids may have moved
        Assert.False(s.Kept.TryGet(key, out _, out _));

        var before = s.Kept.CountBefore(s.Row.Id);
        await s.CommitChangeAsync(other, dataVersion: 3);
        s.Kept.Keep(key, before, s.Row, [2], s.Now);
        Assert.False(s.Kept.TryGet(key, out _, out _));
    }

    [Fact]
    public async Task A_row_read_under_another_rowid_than_the_one_counted_is_not_kept()
    {
        await using var s = await Standalone.StartAsync();
        var (row, key) = (s.Row, s.Key);
        s.Keep(key, [1]);
        var before = s.Kept.CountBefore(row.Id)!.Value;

        s.Kept.Keep(key, before with { RowId = row.RowId + 1 }, row, [2], s.Now); // e.g. the file was vacuumed

        Assert.False(s.Kept.TryGet(key, out _, out _));
    }

    [Fact]
    public async Task At_most_MaxRequests_requests_and_rows_are_kept_and_at_most_MaxBytes()
    {
        await using var s = await Standalone.StartAsync();
        var row = s.Row;
        s.Keep(KeyOf(row), [1]); // learns the row: one of the MaxRequests
        var keys = Enumerable.Range(0, KeptRequests.MaxRequests - 2).Select(_ => KeyOf(row)).ToList();
        foreach (var key in keys) s.Keep(key, [1]);
        Assert.True(s.Kept.TryGet(keys[0], out _, out _));
        Assert.True(s.Kept.TryGet(keys[^1], out _, out _));

        var oneMore = KeyOf(row);
        s.Keep(oneMore, [1]); // the shelf starts empty again
        Assert.False(s.Kept.TryGet(keys[0], out _, out _));
        Assert.True(s.Kept.TryGet(oneMore, out _, out _));

        var huge = KeyOf(row);
        s.Keep(huge, new byte[KeptRequests.MaxBytes + 1]); // never kept, and drops nothing
        Assert.False(s.Kept.TryGet(huge, out _, out _));
        Assert.True(s.Kept.TryGet(oneMore, out _, out _));

        // Together: quarters of MaxBytes on top of what is kept pass the bound, and the shelf starts empty again.
        var quarters = Enumerable.Range(0, 5).Select(_ => KeyOf(row)).ToList();
        foreach (var key in quarters)
        {
            s.Keep(key, []); // learns the row if the shelf is new
            s.Keep(key, new byte[KeptRequests.MaxBytes / 4]);
        }
        Assert.False(s.Kept.TryGet(quarters[0], out _, out _));
        Assert.True(s.Kept.TryGet(quarters[4], out _, out _));
    }
#endif
}
