#if !POSTGRES
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;
using Dapper;
using Microsoft.Data.Sqlite;

// Visibility is defined once (Domain/Visibility.cs): the access rules decide one request from it, the list query is
// built from it. Over every kind, status and side, the two must agree.
namespace AssistanceApi.Tests.Features.Requests;

public sealed class VisibilitySqlTests
{
    private sealed record Row(long Id, string RequestingState, string RequestedState, RequestKind Kind, RequestStatus Status);

    private static readonly List<Row> Rows =
        (from kind in Enum.GetValues<RequestKind>()
         from status in Enum.GetValues<RequestStatus>()
         from pair in new[] { ("FRA", "DEU"), ("DEU", "FRA"), ("DEU", "BRA") }
         select (kind, status, pair))
        .Select((r, i) => new Row(i + 1, r.pair.Item1, r.pair.Item2, r.kind, r.status))
        .ToList();

    [Theory]
    [InlineData(ClientRoles.CentralAuthority, null)]
    [InlineData(ClientRoles.CentralAuthority, "incoming")]
    [InlineData(ClientRoles.CentralAuthority, "outgoing")]
    [InlineData(ClientRoles.ContactPoint, null)]
    [InlineData(ClientRoles.ContactPoint, "incoming")]
    [InlineData(ClientRoles.ContactPoint, "outgoing")]
    public async Task The_sql_sees_exactly_the_requests_the_access_rules_let_the_caller_see(string role, string? direction)
    {
        var caller = new Caller(Guid.NewGuid(), "FRA", role);
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE requests (id INTEGER PRIMARY KEY, requesting_state TEXT, requested_state TEXT, kind TEXT, status TEXT)");
        foreach (var row in Rows)
            await connection.ExecuteAsync("INSERT INTO requests VALUES (@Id, @RequestingState, @RequestedState, @kind, @status)",
                new { row.Id, row.RequestingState, row.RequestedState, kind = WireName.Of(row.Kind), status = WireName.Of(row.Status) });

        var side = direction switch
        {
            "incoming" => VisibilitySql.Incoming,
            "outgoing" => VisibilitySql.Outgoing,
            _ => $"({VisibilitySql.Outgoing}) OR ({VisibilitySql.Incoming})",
        };
        var kinds = VisibilitySql.KindsHandledBy(AccessRules.OfficeOf(caller)!.Value) is { } k ? "AND " + k : "";
        var seen = await connection.QueryAsync<long>($"SELECT id FROM requests r WHERE ({side}) {kinds} ORDER BY id", new { state = caller.State });

        var expected = Rows
            .Where(r => direction != "incoming" || r.RequestedState == caller.State)
            .Where(r => direction != "outgoing" || r.RequestingState == caller.State)
            .Where(r => AccessRules.MaySee(caller, r.RequestingState, r.RequestedState, r.Kind, r.Status))
            .Select(r => r.Id);
        Assert.Equal(expected, seen);
        Assert.NotEmpty(seen);
    }

    /// <summary>SQLite uses a partial index only when the query repeats its WHERE; migration 0008 wrote them as literals.</summary>
    [Fact]
    public void Each_side_repeats_the_where_of_its_partial_indexes()
    {
        var migration = File.ReadAllText(Support.RepoRoot.File("src", "AssistanceApi", "Persistence", "Migrations", "sqlite", "0008_incoming_index.sql"));
        static string Unaliased(string sql) => sql.Replace("r.", "").Replace("requesting_state = @state AND ", "").Replace("requested_state = @state AND ", "");
        var contactPoint = VisibilitySql.KindsHandledBy(Office.ContactPoint)!;

        Assert.Contains($"WHERE {Unaliased(VisibilitySql.Incoming)};", migration);
        Assert.Contains($"WHERE {Unaliased(VisibilitySql.Outgoing)};", migration);
        Assert.Contains($"WHERE {Unaliased(VisibilitySql.Incoming)} AND {Unaliased(contactPoint)};", migration);
        Assert.Contains($"WHERE {Unaliased(VisibilitySql.Outgoing)} AND {Unaliased(contactPoint)};", migration);
        Assert.Null(VisibilitySql.KindsHandledBy(Office.CentralAuthority));
    }
}
#endif
