using System.Net;
using AssistanceApi.Features.Requests;
using AssistanceApi.Features.Requests.Get;
using AssistanceApi.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AssistanceApi.Tests.Support.Preservations;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.Get;

/// <summary>
/// On SQLite the API keeps a request as it sent it to a client (KeptRequests) until a commit changes that request's
/// row, for at most five seconds, and never past the moment time alone changes what it shows. A client's first read
/// only learns the row; from the second on it is kept. A change through the API shows at once; one made behind its
/// back (SQL, the CLI) within five seconds; PostgreSQL reads every request.
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

    private static Task BumpVersionBehindTheApiAsync(ApiFactory api, string id) =>
        api.Database.ExecuteAsync("UPDATE requests SET version = version + 100 WHERE id = @id", new { id = Guid.Parse(id) });

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
        Assert.Equal("application/json; charset=utf-8", keptResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(keptResponse.Content.Headers.ContentType, writtenResponse.Content.Headers.ContentType);
        Assert.Equal(keptResponse.Content.Headers.ContentLength, writtenResponse.Content.Headers.ContentLength);
        Assert.Equal("\"1\"", keptResponse.Headers.ETag?.Tag);
        Assert.Equal(keptResponse.Headers.ETag, writtenResponse.Headers.ETag);
        var (again, againResponse) = await ReadAsync(fra, id);
        Assert.Equal(kept, again);
        Assert.Equal(keptResponse.Headers.ETag, againResponse.Headers.ETag);
    }

    [Fact]
    public async Task A_request_changed_behind_the_API_is_read_within_five_seconds()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var version = await KeptVersionAsync(fra, id);

        await BumpVersionBehindTheApiAsync(api, id);

#if POSTGRES
        Assert.Equal(version + 100, await VersionAsync(fra, id)); // every read asks the database
#else
        api.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(version, await VersionAsync(fra, id)); // kept: the read cost no query
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(version + 100, await VersionAsync(fra, id));
#endif
    }

    [Fact]
    public async Task Other_requests_changing_leave_a_kept_request_kept_and_its_own_change_shows_at_once()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        var version = await KeptVersionAsync(deu, id);
        await BumpVersionBehindTheApiAsync(api, id);

        // Other requests change through the API: FRA drafts and submits another, DEU acknowledges it.
        var other = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await deu.ActAsync(other, "acknowledge");

#if POSTGRES
        Assert.Equal(version + 100, await VersionAsync(deu, id));
#else
        Assert.Equal(version, await VersionAsync(deu, id)); // still kept: its own row has not changed
#endif
        // Its own change through the API: at once, on both sides.
        await deu.ActAsync(id, "acknowledge");
        Assert.Equal("acknowledged", (await deu.ReadRequestAsync(id))["status"].Str());
        Assert.Equal("acknowledged", (await fra.ReadRequestAsync(id))["status"].Str());
        Assert.Equal(version + 101, await VersionAsync(deu, id));
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
    }

    [Theory]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("five")]
    [InlineData("")]
    public async Task A_request_lifetime_outside_zero_to_five_seconds_stops_the_start(string seconds)
    {
        await using var api = new ApiFactory();
        api.Settings["Requests:GetSeconds"] = seconds;

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Requests:GetSeconds", error.ToString());
    }

    [Fact]
    public async Task Each_caller_is_sent_its_own_request_and_a_client_that_may_not_see_it_a_404()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.SubmitNewAsync(Bodies.CompleteMla());
        await KeptVersionAsync(fra, id);
        await KeptVersionAsync(deu, id);

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
        var version = await KeptVersionAsync(fra, id);

        await BumpVersionBehindTheApiAsync(api, id);
        api.AdvanceTo(lastSecond.AddSeconds(-1));
#if !POSTGRES
        Assert.Equal(version, await VersionAsync(fra, id)); // still kept
#endif

        api.AdvanceTo(lastSecond.AddSeconds(1)); // 3 s after it was read: within its five seconds, past the preservation
        var read = await fra.ReadRequestAsync(id);
        Assert.Equal("expired", read["status"].Str());
        Assert.Equal(version + 100, read["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_preservation_past_its_end_and_not_yet_swept_is_never_kept()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26");
        api.AdvanceTo(new DateTimeOffset(2027, 1, 27, 0, 0, 0, TimeSpan.Zero)); // stored preserved, read as expired
        var version = await KeptVersionAsync(fra, id);
        Assert.Equal("expired", (await fra.ReadRequestAsync(id))["status"].Str());

        // What it shows hangs on its follow-up, another row: read every time.
        await BumpVersionBehindTheApiAsync(api, id);
        Assert.Equal(version + 100, await VersionAsync(fra, id));
    }

    [Fact]
    public async Task A_request_is_kept_no_later_than_the_moment_a_consultation_period_runs_out()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "consultation"); // DEU consulted FRA just now; FRA has not answered
        var runsOut = api.Clock.GetUtcNow().AddDays(30);
        api.AdvanceTo(runsOut.AddSeconds(-2));
        var version = await KeptVersionAsync(c.Deu, c.Id);
        Assert.DoesNotContain("refuse", (await c.Deu.ReadRequestAsync(c.Id)).Allowed());

        await BumpVersionBehindTheApiAsync(api, c.Id);
        api.AdvanceTo(runsOut.AddSeconds(-1));
#if !POSTGRES
        Assert.Equal(version, await VersionAsync(c.Deu, c.Id)); // still kept
#endif

        api.AdvanceTo(runsOut); // 2 s after it was read: within its five seconds, the period over
        var read = await c.Deu.ReadRequestAsync(c.Id);
        Assert.Contains("refuse", read.Allowed());
        Assert.Equal(version + 100, read["version"]!.GetValue<long>());
    }

#if !POSTGRES
    private static async Task<RequestRecord> RowAsync(ApiFactory api, string id) =>
        (await api.Database.QueryAsync<RequestRecord>(
            $"SELECT r.rowid AS RowId, {RequestRecord.Columns} FROM requests r WHERE r.id = @id", new { id = Guid.Parse(id) })).Single();

    private static KeptRequests.Key KeyOf(string id) => new(Guid.NewGuid(), "FRA", "central-authority", Guid.Parse(id));

    [Fact]
    public async Task A_first_read_only_learns_the_row_and_a_read_that_raced_a_commit_of_its_row_is_not_kept()
    {
        await using var api = new ApiFactory();
        var kept = api.Services.GetRequiredService<KeptRequests>();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var key = KeyOf(id);
        var now = api.Clock.GetUtcNow();

        Assert.Null(kept.CountBefore(key));
        kept.Keep(key, null, await RowAsync(api, id), [1], now);
        Assert.False(kept.TryGet(key, out _, out _)); // only the row is known
        var before = kept.CountBefore(key);
        Assert.NotNull(before);

        await (await fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK); // commits a change of its row meanwhile
        kept.Keep(key, before, await RowAsync(api, id), [2], now);
        Assert.False(kept.TryGet(key, out _, out _));

        kept.Keep(key, kept.CountBefore(key), await RowAsync(api, id), [3], now);
        Assert.True(kept.TryGet(key, out var json, out var version));
        Assert.Equal([3], json);
        Assert.Equal(2, version);
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(kept.TryGet(key, out _, out _)); // its lifetime is over
    }

    [Fact]
    public async Task While_a_commit_that_changed_its_row_is_under_way_nothing_is_sent_as_kept_nor_kept()
    {
        await using var api = new ApiFactory();
        var kept = api.Services.GetRequiredService<KeptRequests>();
        var changes = api.Services.GetRequiredService<AssistanceApi.Persistence.Writer>().Changes;
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla());
        var (key, row, now) = (KeyOf(id), await RowAsync(api, id), api.Clock.GetUtcNow());
        kept.Keep(key, null, row, [1], now);
        kept.Keep(key, kept.CountBefore(key), row, [1], now);
        Assert.True(kept.TryGet(key, out _, out _));

        // The writer's steps around a COMMIT, on a connection of this test's own.
        await using var connection = new SqliteConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        changes.Watch(connection);
        await connection.ExecuteAsync("UPDATE requests SET version = version WHERE id = @id", new { id = Guid.Parse(id) });
        changes.Committing();

        Assert.False(kept.TryGet(key, out _, out _));
        kept.Keep(key, kept.CountBefore(key), row, [2], now);
        Assert.False(kept.TryGet(key, out _, out _));

        changes.BatchEnded();
        kept.Keep(key, kept.CountBefore(key), row, [3], now);
        Assert.True(kept.TryGet(key, out var json, out _));
        Assert.Equal([3], json);
    }

    [Fact]
    public async Task A_row_read_under_another_rowid_than_the_one_counted_is_not_kept()
    {
        await using var api = new ApiFactory();
        var kept = api.Services.GetRequiredService<KeptRequests>();
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla());
        var (key, row, now) = (KeyOf(id), await RowAsync(api, id), api.Clock.GetUtcNow());
        kept.Keep(key, null, row, [1], now);
        var before = kept.CountBefore(key)!.Value;

        kept.Keep(key, before with { RowId = row.RowId + 1 }, row, [2], now); // e.g. the file was vacuumed behind the API

        Assert.False(kept.TryGet(key, out _, out _));
    }

    [Fact]
    public async Task At_most_MaxRequests_requests_are_kept_and_none_larger_than_MaxBytes()
    {
        await using var api = new ApiFactory();
        var kept = api.Services.GetRequiredService<KeptRequests>();
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla());
        var (row, now) = (await RowAsync(api, id), api.Clock.GetUtcNow());
        var keys = Enumerable.Range(0, KeptRequests.MaxRequests).Select(_ => KeyOf(id)).ToList();
        var before = new KeptRequests.Before(row.RowId, api.Services.GetRequiredService<AssistanceApi.Persistence.Writer>().Changes.OfRow(row.RowId));
        foreach (var key in keys) kept.Keep(key, before, row, [1], now);
        Assert.True(kept.TryGet(keys[0], out _, out _));
        Assert.True(kept.TryGet(keys[^1], out _, out _));

        var oneMore = KeyOf(id);
        kept.Keep(oneMore, before, row, [1], now); // the shelf starts empty again
        Assert.False(kept.TryGet(keys[0], out _, out _));
        Assert.True(kept.TryGet(oneMore, out _, out _));

        var huge = KeyOf(id);
        kept.Keep(huge, before, row, new byte[KeptRequests.MaxBytes + 1], now);
        Assert.False(kept.TryGet(huge, out _, out _));
        Assert.True(kept.TryGet(oneMore, out _, out _));
    }
#endif
}
