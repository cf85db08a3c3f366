using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// One API host on its own fresh database (SQLite, or PostgreSQL in the PostgreSQL test project), with the demo
/// data loaded and a clock the test moves. A test that needs the database or the clock to itself creates one;
/// the others share one per class (<see cref="SharedApi"/>).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The audit chain key every test host signs with (Audit:ChainKey); a test may set another in <see cref="Settings"/>.</summary>
    public const string ChainKey = "test-audit-chain-key-0123456789abcdef";

    public FakeTimeProvider Clock { get; } = new(Start);

    private readonly bool _ownsDatabase;

    public ApiFactory() : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>A second host on another's database: two instances of the API behind one database.</summary>
    public ApiFactory(TestDatabase shared, bool ownsDatabase = false)
    {
        Database = shared;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }


    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.ProviderName);
        builder.UseSetting("ConnectionStrings:Assistance", Database.ConnectionString);
        builder.UseSetting("Seeding:Demo", "true");
        builder.UseSetting("Security:HttpsRedirection", "false");
        builder.UseSetting("Statistics:CacheSeconds", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Audit:ChainKey", ChainKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
