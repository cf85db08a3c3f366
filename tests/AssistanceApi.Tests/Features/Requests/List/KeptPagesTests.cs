using System.Net;
using AssistanceApi.Features.Requests.List;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using AssistanceApi.Treaty;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AssistanceApi.Tests.Support.Preservations;
using static AssistanceApi.Tests.Support.RequestCalls;

namespace AssistanceApi.Tests.Features.Requests.List;

/// <summary>
/// On SQLite the API keeps list pages as it sent them (KeptPages) until a commit changes the requests table, for at
/// most five seconds, and never past the moment time alone changes an item. A change through the API shows at once;
/// one made behind its back (SQL, the CLI) within five seconds; PostgreSQL reads every page.
/// </summary>
public sealed class KeptPagesTests
{
    private const string Outgoing = "/api/v1/requests?direction=outgoing&limit=50";

    private static async Task<(string Body, HttpResponseMessage Response)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response);
    }

    private static Task BumpVersionBehindTheApiAsync(ApiFactory api, string id) =>
        api.Database.ExecuteAsync("UPDATE requests SET version = version + 100 WHERE id = @id", new { id = Guid.Parse(id) });

    private static async Task<long> ListedVersionAsync(HttpClient client, string url, string id) =>
        (await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
        .Single(i => i!["id"].Str() == id)!["version"]!.GetValue<long>();

    [Fact]
    public async Task A_page_written_straight_into_the_response_is_the_kept_pages_bytes()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var body = Bodies.CompleteMla();
        body["facts"] = "Données chiffrées — 漢字 <script>\"&'\u2028";
        await fra.CreateDraftAsync(body);
        var (kept, keptResponse) = await PageAsync(fra, Outgoing);
        // The same database through a host that keeps nothing: its page goes straight from the rows to the response.
        var readEveryTime = api.WithWebHostBuilder(b => b.UseSetting("Requests:ListPageSeconds", "0"));
        var (written, writtenResponse) = await PageAsync(readEveryTime.As(DemoKeys.Fra), Outgoing);

        Assert.Equal(kept, written);
        Assert.Equal("application/json; charset=utf-8", keptResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(keptResponse.Content.Headers.ContentType, writtenResponse.Content.Headers.ContentType);
        Assert.Equal(keptResponse.Content.Headers.ContentLength, writtenResponse.Content.Headers.ContentLength);
        // And sent again from what was kept, still the same.
        Assert.Equal(kept, (await PageAsync(fra, Outgoing)).Body);
    }

    [Fact]
    public async Task A_page_changed_behind_the_API_is_read_within_five_seconds()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var version = await ListedVersionAsync(fra, Outgoing, id);

        await BumpVersionBehindTheApiAsync(api, id);

#if POSTGRES
        Assert.Equal(version + 100, await ListedVersionAsync(fra, Outgoing, id)); // every page asks the database
#else
        api.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(version, await ListedVersionAsync(fra, Outgoing, id)); // kept: the page cost no query
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(version + 100, await ListedVersionAsync(fra, Outgoing, id));
#endif
    }

    [Fact]
    public async Task With_no_lifetime_a_page_changed_behind_the_API_is_read_at_once()
    {
        await using var api = new ApiFactory();
        api.Settings["Requests:ListPageSeconds"] = "0";
        var fra = api.As(DemoKeys.Fra);
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var version = await ListedVersionAsync(fra, Outgoing, id);

        await BumpVersionBehindTheApiAsync(api, id);

        Assert.Equal(version + 100, await ListedVersionAsync(fra, Outgoing, id));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=fifty")]
    [InlineData("limit=50&status=lost")]
    [InlineData("limit=50&kind=everything")]
    [InlineData("limit=50&counterpart=XXX")]
    [InlineData("limit=50&cursor=!!")]
    [InlineData("limit=50&cursor=bm90LWEtY3Vyc29y")]
    [InlineData("limit=50&overdue=maybe")]
    public async Task A_bad_query_beside_a_kept_page_is_a_400_problem_and_leaves_the_page_as_it_was(string query)
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await fra.CreateDraftAsync(Bodies.CompleteMla());
        var (kept, _) = await PageAsync(fra, Outgoing);

        for (var i = 0; i < 2; i++) // twice: a refused query is never kept either
            await (await fra.GetAsync($"/api/v1/requests?direction=outgoing&{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(kept, (await PageAsync(fra, Outgoing)).Body);
    }

    [Fact]
    public async Task A_change_through_the_API_shows_at_once_on_both_sides()
    {
        await using var api = new ApiFactory();
        var (fra, deu) = (api.As(DemoKeys.Fra), api.As(DemoKeys.Deu));
        var id = await fra.CreateDraftAsync(Bodies.CompleteMla());
        const string incoming = "/api/v1/requests?direction=incoming&limit=50";
        Assert.Equal("draft", await ListedStatusAsync(fra, Outgoing, id)); // kept for FRA now
        Assert.DoesNotContain(id, await deu.FirstPageIdsAsync("direction=incoming"));
        await PageAsync(deu, incoming); // kept for DEU now

        await (await fra.SubmitAsync(id)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("submitted", await ListedStatusAsync(fra, Outgoing, id));
        Assert.Equal("submitted", await ListedStatusAsync(deu, incoming, id));
    }

    private static async Task<string> ListedStatusAsync(HttpClient client, string url, string id) =>
        (await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Single(i => i!["id"].Str() == id)!["status"].Str();

    [Fact]
    public async Task Each_caller_is_sent_its_own_page_never_another_clients()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var mla = await fra.SubmitNewAsync(Bodies.CompleteMla());
        const string all = "/api/v1/requests?limit=50";
        var (fraPage, _) = await PageAsync(fra, all);
        Assert.Contains(mla, fraPage);

        // Another State, the same query: its own page (DEU is asked, so sees the request, with its own actions).
        var deuPage = (await (await api.As(DemoKeys.Deu).GetAsync(all)).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["acknowledge"], deuPage.Single(i => i!["id"].Str() == mla)!.AsObject().Allowed().Intersect(["acknowledge", "withdraw"]));
        // A State that is no party: nothing of it.
        var (ken, _) = await PageAsync(api.As(DemoKeys.Ken), all);
        Assert.DoesNotContain(mla, ken);
        // The same State's 24/7 point of contact handles no MLA request: not the central authority's page.
        var (contactPoint, _) = await PageAsync(api.As(DemoKeys.Fra247), all);
        Assert.DoesNotContain(mla, contactPoint);
        Assert.NotEqual(fraPage, contactPoint);
    }

    [Fact]
    public async Task A_page_is_kept_no_later_than_the_moment_a_preservation_on_it_ends()
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26"); // to 2027-01-26T23:59:59Z
        var other = await fra.CreateDraftAsync(Bodies.CompleteMla());
        var lastSecond = new DateTimeOffset(2027, 1, 26, 23, 59, 59, TimeSpan.Zero);
        api.AdvanceTo(lastSecond.AddSeconds(-2));
        Assert.Equal("preserved", await ListedStatusAsync(fra, Outgoing, id));
        var version = await ListedVersionAsync(fra, Outgoing, other);

        await BumpVersionBehindTheApiAsync(api, other);
        api.AdvanceTo(lastSecond.AddSeconds(-1));
#if !POSTGRES
        Assert.Equal(version, await ListedVersionAsync(fra, Outgoing, other)); // still the kept page
#endif

        api.AdvanceTo(lastSecond.AddSeconds(1)); // 3 s after the page was read: within its five seconds, past the preservation
        Assert.Equal("expired", await ListedStatusAsync(fra, Outgoing, id));
        Assert.Equal(version + 100, await ListedVersionAsync(fra, Outgoing, other));
    }

    [Fact]
    public async Task A_page_is_kept_no_later_than_the_moment_a_consultation_period_runs_out()
    {
        await using var api = new ApiFactory();
        var c = await Case.AtAsync(api, "consultation"); // DEU consulted FRA just now; FRA has not answered
        var runsOut = api.Clock.GetUtcNow().AddDays(30);
        const string incoming = "/api/v1/requests?direction=incoming&limit=50";
        api.AdvanceTo(runsOut.AddSeconds(-2));
        Assert.DoesNotContain("refuse", await ListedActionsAsync(c.Deu, incoming, c.Id));
        var version = await ListedVersionAsync(c.Deu, incoming, c.Id);

        await BumpVersionBehindTheApiAsync(api, c.Id);
        api.AdvanceTo(runsOut.AddSeconds(-1));
#if !POSTGRES
        Assert.Equal(version, await ListedVersionAsync(c.Deu, incoming, c.Id)); // still the kept page
#endif

        api.AdvanceTo(runsOut); // 2 s after the page was read: within its five seconds, the period over
        Assert.Contains("refuse", await ListedActionsAsync(c.Deu, incoming, c.Id));
        Assert.Equal(version + 100, await ListedVersionAsync(c.Deu, incoming, c.Id));
    }

    private static async Task<IReadOnlyList<string>> ListedActionsAsync(HttpClient client, string url, string id) =>
        (await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
        .Single(i => i!["id"].Str() == id)!.AsObject().Allowed();

    [Theory]
    [InlineData("overdue=true")]
    [InlineData("status=preserved")]
    [InlineData("status=expired")]
    [InlineData("expiringWithinDays=30")]
    public async Task Pages_that_time_moves_requests_onto_or_off_are_never_kept(string filter)
    {
        await using var api = new ApiFactory();
        var host = api.WithoutSweeper();
        var (fra, deu) = (host.As(DemoKeys.Fra), host.As(DemoKeys.Deu));
        var id = await PreservedIdAsync(fra, deu, "2027-01-26");
        var url = $"/api/v1/requests?direction=outgoing&{filter}";
        if (filter == "status=expired") api.AdvanceTo(new DateTimeOffset(2027, 1, 27, 0, 0, 0, TimeSpan.Zero));
        if (filter == "expiringWithinDays=30") api.AdvanceTo(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (filter == "overdue=true")
        {
            // A request DEU has not acknowledged in time.
            id = await fra.SubmitNewAsync(Bodies.CompleteMla());
            api.AdvanceTo(api.Clock.GetUtcNow().AddDays(30));
        }
        var version = await ListedVersionAsync(fra, url, id); // on the page

        await BumpVersionBehindTheApiAsync(api, id);

        Assert.Equal(version + 100, await ListedVersionAsync(fra, url, id)); // read again, not kept
    }

#if !POSTGRES
    [Fact]
    public async Task A_page_read_while_a_commit_changed_requests_is_not_kept()
    {
        await using var api = new ApiFactory();
        var pages = api.Services.GetRequiredService<KeptPages>();
        var until = api.Clock.GetUtcNow().AddSeconds(5);
        var before = pages.Generation; // taken before the page's query

        await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla()); // commits meanwhile
        Assert.NotEqual(before, pages.Generation);
        pages.Keep("page", [1], before, until);
        Assert.False(pages.TryGet("page", out _));

        pages.Keep("page", [2], pages.Generation, until);
        Assert.True(pages.TryGet("page", out var kept));
        Assert.Equal([2], kept);
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(pages.TryGet("page", out _)); // its moment has come
    }

    [Fact]
    public async Task While_a_commit_that_changed_requests_is_under_way_nothing_is_sent_as_kept_nor_kept()
    {
        await using var api = new ApiFactory();
        var id = await api.As(DemoKeys.Fra).CreateDraftAsync(Bodies.CompleteMla());
        // The writer's steps around a COMMIT, on a connection and with counts of this test's own.
        var changes = new TableChanges();
        var pages = new KeptPages(api.Services.GetRequiredService<Database>(), changes, api.Clock,
            api.Services.GetRequiredService<TreatyOptions>(), KeptPages.MaxLifetime);
        await using var connection = new SqliteConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        changes.Watch(connection);
        var until = api.Clock.GetUtcNow().AddSeconds(5);
        pages.Keep("page", [1], pages.Generation, until);
        Assert.True(pages.TryGet("page", out _));

        await connection.ExecuteAsync("UPDATE requests SET version = version WHERE id = @id", new { id = Guid.Parse(id) });
        changes.Committing();

        Assert.Equal(1, pages.Generation % 2);
        Assert.False(pages.TryGet("page", out _));
        pages.Keep("page", [2], pages.Generation, until);
        Assert.False(pages.TryGet("page", out _));

        changes.BatchEnded();
        pages.Keep("page", [3], pages.Generation, until);
        Assert.True(pages.TryGet("page", out var kept));
        Assert.Equal([3], kept);
    }

    [Fact]
    public async Task At_most_MaxPages_pages_are_kept_and_none_larger_than_MaxBytes()
    {
        await using var api = new ApiFactory();
        var pages = api.Services.GetRequiredService<KeptPages>();
        var (generation, until) = (pages.Generation, api.Clock.GetUtcNow().AddSeconds(5));
        for (var i = 0; i < KeptPages.MaxPages; i++) pages.Keep($"page-{i}", [1], generation, until);
        Assert.True(pages.TryGet("page-0", out _));
        Assert.True(pages.TryGet($"page-{KeptPages.MaxPages - 1}", out _));

        pages.Keep("one-more", [1], generation, until); // the shelf starts empty again
        Assert.False(pages.TryGet("page-0", out _));
        Assert.True(pages.TryGet("one-more", out _));

        pages.Keep("huge", new byte[KeptPages.MaxBytes + 1], generation, until);
        Assert.False(pages.TryGet("huge", out _));
        Assert.True(pages.TryGet("one-more", out _));
    }
#endif
}
