using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

/// <summary>RateLimiting:PermitsPerMinute per client: one client's burst is a 429 for it alone (contract §1).</summary>
public sealed class RateLimitTests
{
    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectProblemAsync((HttpStatusCode)429);
        Assert.Equal("/problems/rate-limited", problem["type"].Str());
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "no Retry-After header");
        var retryAfter = Assert.Single(values);
        Assert.True(int.TryParse(retryAfter, System.Globalization.NumberStyles.None, null, out var seconds), $"Retry-After '{retryAfter}' is not whole seconds");
        Assert.InRange(seconds, 1, 60);
    }

    [Fact]
    public async Task The_sixth_request_of_a_client_is_429_while_another_client_goes_on()
    {
        await using var api = new ApiFactory();
        api.Settings["RateLimiting:PermitsPerMinute"] = "5";
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);

        for (var i = 0; i < 5; i++) await (await fra.GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
        await AssertRateLimitedAsync(await fra.GetAsync("/api/v1/states/FRA"));
        await AssertRateLimitedAsync(await fra.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()));

        // Another State's client, and another client of the same State, each have their own allowance.
        for (var i = 0; i < 5; i++) await (await deu.GetAsync("/api/v1/states/DEU")).ExpectAsync(HttpStatusCode.OK);
        await AssertRateLimitedAsync(await deu.GetAsync("/api/v1/states/DEU"));
        await (await api.As(DemoKeys.Fra247).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rate_limited_create_writes_nothing()
    {
        await using var api = new ApiFactory();
        api.Settings["RateLimiting:PermitsPerMinute"] = "5";
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var first = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France, first system");
        var second = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France, second system");
        var busy = api.As(first.Key);

        for (var i = 0; i < 5; i++) await busy.CreateDraftAsync(Bodies.MinimalDraft());
        await AssertRateLimitedAsync(await busy.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()));
        await AssertRateLimitedAsync(await busy.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()));

        // The limit is per client, not per State: FRA's second system still works and sees exactly five drafts.
        var drafts = await api.As(second.Key).AllOutgoingAsync();
        Assert.Equal(5, drafts.Count);
    }
}
