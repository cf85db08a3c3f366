#if !POSTGRES
using AssistanceApi.Features.States;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Features.States;

/// <summary>
/// The SQLite directory cache on its own. Through HTTP, DirectoryReadsTests shows an update read at once and a change
/// by SQL within the lifetime; here, the race HTTP cannot stage: a read that began before an update committed is
/// not kept.
/// </summary>
public sealed class StoredStatesTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();
    private readonly FakeTimeProvider _clock = new(ApiFactory.Start);
    private Database _database = null!;

    private static readonly StoredState France = new("""{"code":"FRA"}""");

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

    [Fact]
    public void A_remembered_entry_is_kept_for_its_lifetime_and_no_longer()
    {
        var directory = new StoredStates(_database, _clock);
        directory.Remember("FRA", France, directory.Generation);

        _clock.Advance(StoredStates.Lifetime - TimeSpan.FromTicks(1));
        Assert.True(directory.TryGet("FRA", out var kept));
        Assert.Same(France, kept);
        Assert.False(directory.TryGet("DEU", out _));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(directory.TryGet("FRA", out _));
    }

    [Fact]
    public void A_read_that_began_before_an_update_committed_is_not_kept()
    {
        var directory = new StoredStates(_database, _clock);
        var generation = directory.Generation; // the read begins

        directory.ForgetAll(); // an update commits meanwhile
        directory.Remember("FRA", France, generation);

        Assert.False(directory.TryGet("FRA", out _));
        directory.Remember("FRA", France, directory.Generation);
        Assert.True(directory.TryGet("FRA", out _));
    }

    [Fact]
    public void Forgetting_all_empties_it()
    {
        var directory = new StoredStates(_database, _clock);
        directory.Remember("FRA", France, directory.Generation);

        directory.ForgetAll();

        Assert.False(directory.TryGet("FRA", out _));
    }

    [Fact]
    public async Task On_PostgreSQL_nothing_is_kept()
    {
        await using var postgres = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=unused" });
        var directory = new StoredStates(postgres, _clock);

        directory.Remember("FRA", France, directory.Generation);

        Assert.False(directory.Enabled);
        Assert.False(directory.TryGet("FRA", out _));
    }
}
#endif
