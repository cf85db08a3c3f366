#if !POSTGRES
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Auth;

/// <summary>
/// The SQLite key cache on its own. Through HTTP, ClientsTests shows a revoked or rotated key refused on its very
/// next call, and KeyRevocationOutsideTheApiTests one revoked by SQL refused within the cache's lifetime; here, the
/// race HTTP cannot stage: a lookup that began before a revocation committed is not kept.
/// </summary>
public sealed class KnownKeysTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();
    private Database _database = null!;

    public Task InitializeAsync()
    {
        _database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _file.DisposeAsync();
    }

    private readonly FakeTimeProvider _clock = new(ApiFactory.Start);

    private KnownKeys NewKnownKeys(double seconds = 5) => new(_database, _clock, TimeSpan.FromSeconds(seconds));

    private static readonly KnownClient France = new(Guid.CreateVersion7(), "FRA", ClientRoles.CentralAuthority);

    [Fact]
    public void A_remembered_key_is_known_until_forgotten()
    {
        var known = NewKnownKeys();
        Assert.False(known.TryGet("hash-a", out _));

        known.Remember("hash-a", France, known.Generation);
        Assert.True(known.TryGet("hash-a", out var client));
        Assert.Equal(France, client);

        known.ForgetAll();
        Assert.False(known.TryGet("hash-a", out _));
    }

    [Fact]
    public void A_lookup_that_began_before_a_revocation_is_not_kept()
    {
        var known = NewKnownKeys();
        var generation = known.Generation; // the lookup reads the client row, still valid...
        known.ForgetAll();                 // ...while a revocation commits

        known.Remember("hash-a", France, generation);

        Assert.False(known.TryGet("hash-a", out _));
    }

    [Fact]
    public void A_remembered_key_is_asked_again_once_its_lifetime_has_run_out()
    {
        var known = NewKnownKeys(seconds: 5);
        known.Remember("hash-a", France, known.Generation);

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(known.TryGet("hash-a", out _));

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(known.TryGet("hash-a", out _));
    }

    [Fact]
    public void A_lifetime_of_zero_keeps_nothing()
    {
        var known = NewKnownKeys(seconds: 0);
        known.Remember("hash-a", France, known.Generation);

        Assert.False(known.Enabled);
        Assert.False(known.TryGet("hash-a", out _));
    }
}
#endif
