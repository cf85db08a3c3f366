using System.Net.Http.Headers;
using AssistanceApi.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// One API host on its own fresh SQLite file, with the demo data loaded and a clock the test moves.
/// Create one per test: no test sees another's data.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-test-").FullName;

    public FakeTimeProvider Clock { get; } = new(Start);

    public string DatabasePath => Path.Combine(_folder, "assistance.db");

    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Assistance", $"Data Source={DatabasePath}");
        builder.UseSetting("Seeding:Demo", "true");
        builder.UseSetting("Security:HttpsRedirection", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that sends the given API key (a demo key such as demo-fra-ca), or none.</summary>
    public HttpClient As(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine is left to the OS temp cleaner */ }
    }
}
