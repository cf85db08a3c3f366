using System.Net;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Host;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_without_a_key_once_migrations_are_applied()
    {
        await using var api = new ApiFactory();
        var client = api.As(null);
        Assert.Equal("Healthy", await (await client.GetAsync("/health/live")).Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_fails_when_the_database_is_gone()
    {
        await using var api = new ApiFactory();
        var client = api.As(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await api.Database.BreakAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Request_data_responses_are_not_sniffed_or_cached()
    {
        await using var api = new ApiFactory();
        var response = await api.As(DemoKeys.Fra).GetAsync("/api/v1/states/FRA");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
