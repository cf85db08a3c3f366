using AssistanceApi.Features.States;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// The values kept after a read (the key cache and the directory cache on SQLite) on their own. Through HTTP,
/// DirectoryReadsTests and KeyRevocationOutsideTheApiTests show a change through the API seen at once and one by SQL
/// within the lifetime; here, the race HTTP cannot stage: a read that began before a change committed is not kept.
/// </summary>
public sealed class RecentReadsTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(ApiFactory.Start);
    private static readonly StoredState France = new("""{"code":"FRA"}""");

    private RecentReads<StoredState> Kept(bool enabled = true) => new(enabled, _clock, Lifetime);

    [Fact]
    public void A_remembered_value_is_kept_for_its_lifetime_and_no_longer()
    {
        var kept = Kept();
        kept.Remember("FRA", France, kept.Generation);

        _clock.Advance(Lifetime - TimeSpan.FromTicks(1));
        Assert.True(kept.TryGet("FRA", out var value));
        Assert.Same(France, value);
        Assert.False(kept.TryGet("DEU", out _));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(kept.TryGet("FRA", out _));
    }

    [Fact]
    public void A_read_that_began_before_a_change_committed_is_not_kept()
    {
        var kept = Kept();
        var generation = kept.Generation; // the read begins

        kept.ForgetAll(); // a change commits meanwhile
        kept.Remember("FRA", France, generation);

        Assert.False(kept.TryGet("FRA", out _));
        kept.Remember("FRA", France, kept.Generation);
        Assert.True(kept.TryGet("FRA", out _));
    }

    [Fact]
    public void Forgetting_all_empties_it()
    {
        var kept = Kept();
        kept.Remember("FRA", France, kept.Generation);

        kept.ForgetAll();

        Assert.False(kept.TryGet("FRA", out _));
    }

    [Fact]
    public void Turned_off_or_with_no_lifetime_it_keeps_nothing()
    {
        foreach (var kept in new[] { Kept(enabled: false), new RecentReads<StoredState>(true, _clock, TimeSpan.Zero) })
        {
            kept.Remember("FRA", France, kept.Generation);

            Assert.False(kept.Enabled);
            Assert.False(kept.TryGet("FRA", out _));
        }
    }

    [Fact]
    public async Task The_directory_keeps_entries_on_SQLite_only()
    {
        await using var sqlite = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=unused.db" });
        await using var postgres = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=unused" });

        Assert.True(new StoredStates(sqlite, _clock).Enabled);
        Assert.False(new StoredStates(postgres, _clock).Enabled);
    }
}
