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

#if POSTGRES
    // PostgreSQL only: two processes on one SQLite file are not a supported deployment (ADR 0005; nothing locks its
    // migrations); on SQLite the two hosts raced to create the same tables (seen once in CI: 'table states already exists').
    /// <summary>
    /// PostgreSQL: the database is created before anything connects to it (the startup lock did, and the API exited with
    /// 3D000); two replicas starting at once on it both come up (the one that loses the CREATE DATABASE race goes on).
    /// </summary>
    [Fact]
    public async Task Two_instances_starting_at_once_against_a_database_that_does_not_exist_yet_create_it_and_are_ready()
    {
        await using var database = TestDatabase.NotYetCreated();
        await using var first = new ApiFactory(database);
        await using var second = new ApiFactory(database);

        var ready = await Task.WhenAll(
            Task.Run(() => first.As(null).GetAsync("/health/ready")),
            Task.Run(() => second.As(null).GetAsync("/health/ready")));

        Assert.All(ready, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(193, (await database.QueryAsync<string>("SELECT code FROM states")).Count);
    }
#endif

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
