using System.Net;
using AssistanceApi.Auth;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Auth;

/// <summary>
/// A key revoked or replaced behind the API's back (SQL, the CLI) stops working within five seconds, on SQLite too,
/// where the API keeps recently seen keys in memory. PostgreSQL asks the database on every call.
/// </summary>
public sealed class KeyRevocationOutsideTheApiTests
{
    private const string Requests = "/api/v1/requests";

    private static async Task AssertServedAsync(HttpClient client, string why)
    {
        var response = await client.GetAsync(Requests);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{why}: got {(int)response.StatusCode}");
    }

    private static async Task AssertRefusedAsync(HttpClient client, string why) =>
        await (await client.GetAsync(Requests)).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, why);

    [Fact]
    public async Task A_key_revoked_by_SQL_is_refused_within_five_seconds()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await AssertServedAsync(fra, "before the revocation");

        await api.Database.ExecuteAsync("UPDATE clients SET revoked_at = @at WHERE key_hash = @hash",
            new { at = api.Clock.GetUtcNow(), hash = ApiKeys.Hash(DemoKeys.Fra) });

#if !POSTGRES
        api.Clock.Advance(TimeSpan.FromSeconds(4));
        await AssertServedAsync(fra, "still remembered 4 s later"); // the cache still saves the lookup
#endif
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertRefusedAsync(fra, "5 s after the revocation");
        await AssertServedAsync(api.As(DemoKeys.Deu), "another State's key");
    }

    [Fact]
    public async Task A_key_replaced_by_SQL_is_refused_within_five_seconds()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        await AssertServedAsync(fra, "before the rotation");

        await api.Database.ExecuteAsync("UPDATE clients SET key_hash = @replacement WHERE key_hash = @hash",
            new { replacement = ApiKeys.Hash("rotated-outside-the-api"), hash = ApiKeys.Hash(DemoKeys.Fra) });

        api.Clock.Advance(TimeSpan.FromSeconds(5));
        await AssertRefusedAsync(fra, "the old key, 5 s after the rotation");
        await AssertServedAsync(api.As("rotated-outside-the-api"), "the new key");
    }

    [Fact]
    public async Task With_no_key_cache_a_revocation_by_SQL_is_refused_on_the_next_call()
    {
        await using var api = new ApiFactory();
        api.Settings["Auth:KeyCacheSeconds"] = "0";
        var fra = api.As(DemoKeys.Fra);
        await AssertServedAsync(fra, "before the revocation");

        await api.Database.ExecuteAsync("UPDATE clients SET revoked_at = @at WHERE key_hash = @hash",
            new { at = api.Clock.GetUtcNow(), hash = ApiKeys.Hash(DemoKeys.Fra) });

        await AssertRefusedAsync(fra, "the next call");
    }
}
