using System.Net.Http.Headers;
using AssistanceApi.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistanceApi.Tests.Support;

/// <summary>What a test does to a host besides calling it: clients, its clock, its stored rows, its background work.</summary>
public static class Hosts
{
    /// <summary>A client of the host that sends the given API key (a demo key such as demo-fra-ca), or none.</summary>
    public static HttpClient As(this WebApplicationFactory<Program> host, string? apiKey)
    {
        var client = host.CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Moves the test clock to the moment given (forward only).</summary>
    public static void AdvanceTo(this ApiFactory api, DateTimeOffset moment)
    {
        var by = moment - api.Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"the clock is already past {moment:O}");
        api.Clock.Advance(by);
    }

    /// <summary>The status column as stored, not as reads compute it.</summary>
    public static string StoredStatus(this ApiFactory api, string id) =>
        api.Database.QueryAsync<string>("SELECT status FROM requests WHERE id = @id", new { id = Guid.Parse(id) }).GetAwaiter().GetResult().Single();

    /// <summary>
    /// The same host (same database, same clock) without the background expiry sweeper, which a clock advance of
    /// more than five minutes may otherwise wake at any moment: what reads show is then computed by the read alone.
    /// </summary>
    public static WebApplicationFactory<Program> WithoutSweeper(this ApiFactory api) =>
        api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            foreach (var sweeper in services.Where(s => s.ServiceType == typeof(IHostedService)
                         && s.ImplementationType == typeof(AssistanceApi.Features.Requests.Expire.ExpirySweeper)).ToList())
                services.Remove(sweeper);
        }));

    /// <summary>Runs the expiry sweep as the background service does, through the Mediator.</summary>
    public static async Task<int> SweepAsync(this WebApplicationFactory<Program> api)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
            .Send(new AssistanceApi.Features.Requests.Expire.ExpirePreservationsCommand());
    }
}
