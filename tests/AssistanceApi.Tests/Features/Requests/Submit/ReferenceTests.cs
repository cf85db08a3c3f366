using System.Net;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests.Submit;

/// <summary>
/// References (FRA-DEU-2026-000042) number per requesting State, requested State and year: the requested State
/// learns nothing of how many requests the requesting State sent to others.
/// </summary>
public sealed class ReferenceTests
{
    private static async Task<string> ReferenceOfNewAsync(HttpClient client, string requestedState)
    {
        var id = await client.SubmitNewAsync(Bodies.CompleteMla(requestedState));
        return (await (await client.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK))["reference"].Str();
    }

    [Fact]
    public async Task Each_pair_of_States_numbers_its_own_references()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        var deu = api.As(DemoKeys.Deu);

        Assert.Equal("FRA-DEU-2026-000001", await ReferenceOfNewAsync(fra, "DEU"));
        Assert.Equal("FRA-BRA-2026-000001", await ReferenceOfNewAsync(fra, "BRA"));
        Assert.Equal("FRA-DEU-2026-000002", await ReferenceOfNewAsync(fra, "DEU"));
        Assert.Equal("DEU-FRA-2026-000001", await ReferenceOfNewAsync(deu, "FRA"));
        Assert.Equal("FRA-BRA-2026-000002", await ReferenceOfNewAsync(fra, "BRA"));
        Assert.Equal("FRA-DEU-2026-000003", await ReferenceOfNewAsync(fra, "DEU"));
    }

    [Fact]
    public async Task A_new_year_starts_every_pair_again_at_one()
    {
        await using var api = new ApiFactory();
        var fra = api.As(DemoKeys.Fra);
        Assert.Equal("FRA-DEU-2026-000001", await ReferenceOfNewAsync(fra, "DEU"));
        Assert.Equal("FRA-DEU-2026-000002", await ReferenceOfNewAsync(fra, "DEU"));

        api.Clock.Advance(TimeSpan.FromDays(40)); // 2027-01-06

        Assert.Equal("FRA-DEU-2027-000001", await ReferenceOfNewAsync(fra, "DEU"));
        Assert.Equal("FRA-BRA-2027-000001", await ReferenceOfNewAsync(fra, "BRA"));
    }

    [Fact]
    public async Task Simultaneous_submissions_get_distinct_consecutive_numbers()
    {
        await using var api = new ApiFactory();
#if POSTGRES
        // Two instances of the API behind one database, as deployed.
        await using var other = new ApiFactory(api.Database);
#else
        var other = api; // SQLite is one API process
#endif
        var clients = new[] { api.As(DemoKeys.Fra), other.As(DemoKeys.Fra) };
        var ids = new List<string>();
        for (var i = 0; i < 20; i++) ids.Add(await clients[0].CreateDraftAsync(Bodies.CompleteMla()));

        var responses = await Task.WhenAll(ids.Select((id, i) => clients[i % 2].SubmitAsync(id)));

        var references = new List<string>();
        foreach (var response in responses) references.Add((await response.ExpectAsync(HttpStatusCode.OK))["reference"].Str());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"FRA-DEU-2026-{n:D6}"), references.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The migration to per-pair counters starts each pair after the highest reference it already holds, so a
    /// database whose references were numbered per requesting State never issues one twice.
    /// </summary>
    [Fact]
    public async Task The_counter_migration_resumes_each_pair_after_its_highest_reference()
    {
        await using var database = TestDatabase.Create();
        string[] ids;
        await using (var before = new ApiFactory(database))
        {
            var fra = before.As(DemoKeys.Fra);
            ids = [await fra.SubmitNewAsync(Bodies.CompleteMla("DEU")), await fra.SubmitNewAsync(Bodies.CompleteMla("BRA")),
                   await fra.SubmitNewAsync(Bodies.CompleteMla("DEU"))];
        }
        // As the old numbering (one counter per requesting State) had issued them.
        for (var i = 0; i < ids.Length; i++)
            await database.ExecuteAsync($"UPDATE requests SET reference = @reference WHERE id = '{ids[i]}'",
                new { reference = $"FRA-{(i == 1 ? "BRA" : "DEU")}-2026-{i + 1:D6}" });

        await database.ExecuteAsync(MigrationScript(database, "0009_reference_counters_per_pair.sql"));

        await using var after = new ApiFactory(database);
        var client = after.As(DemoKeys.Fra);
        Assert.Equal("FRA-DEU-2026-000004", await ReferenceOfNewAsync(client, "DEU"));
        Assert.Equal("FRA-BRA-2026-000003", await ReferenceOfNewAsync(client, "BRA"));
        Assert.Equal("FRA-KEN-2026-000001", await ReferenceOfNewAsync(client, "KEN"));
    }

    private static string MigrationScript(TestDatabase database, string file)
    {
        var assembly = typeof(Migrator).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Migrations.{database.ProviderName}.{file}", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
