using System.Data.Common;
using System.Text.Json;
using AssistanceApi.Http;
using AssistanceApi.Persistence.Documents;
using AssistanceApi.Treaty;
using Dapper;

namespace AssistanceApi.Persistence.Seeding;

/// <summary>
/// Loads reference data at every start, idempotently. The catalogue files own provisions and offences;
/// a State row is replaced only by a seed with a newer <c>asOf</c>, so directory edits made through the
/// API survive a restart. Demo data, when on, always wins: it is a scenario, not a record.
/// </summary>
public sealed class Seeder(Writer writer, SeedOptions options, TimeProvider clock)
{
    /// <summary>withDemo false: never the demo data, whatever the options say (the CLI, which may run on a production database).</summary>
    public async Task SeedAsync(bool withDemo = true, CancellationToken ct = default)
    {
        var states = Read<StatesFile>("states.json").States;
        var provisions = Read<ProvisionsFile>("provisions.json").Provisions;
        var offences = Read<OffencesFile>("offences.json").Offences;

        await writer.RunAsync(async (connection, transaction) =>
        {
            foreach (var state in states) await UpsertStateAsync(connection, transaction, state, onlyIfNewer: true);
            await UpsertDocumentsAsync(connection, transaction, "provisions", provisions.Select(p => (p.Id, (object)p)));
            await UpsertDocumentsAsync(connection, transaction, "offences", offences.Select(o => (o.Id, (object)o)));
            if (withDemo && options.Demo) await SeedDemoAsync(connection, transaction);
            return 0;
        }, ct);
    }

    private async Task SeedDemoAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var state in Read<StatesFile>("demo/states.json").States)
            await UpsertStateAsync(connection, transaction, state, onlyIfNewer: false);
        foreach (var client in Read<ClientsFile>(DemoClientsFile).Clients)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO clients (id, name, state, role, key_hash, created_at) VALUES (@Id, @Name, @State, @Role, @KeyHash, @now)
                ON CONFLICT (id) DO NOTHING
                """,
                new { client.Id, client.Name, client.State, client.Role, client.KeyHash, now = clock.Now() }, transaction);
        }
    }

    private static Task UpsertStateAsync(DbConnection connection, DbTransaction transaction, StateDocument state, bool onlyIfNewer) =>
        connection.ExecuteAsync(
            $"""
            INSERT INTO states (code, name, convention_status, as_of, document)
            VALUES (@Code, @Name, @status, @AsOf, @document)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, convention_status = excluded.convention_status,
                as_of = excluded.as_of, document = excluded.document
            {(onlyIfNewer ? "WHERE states.as_of < excluded.as_of" : "")}
            """,
            new
            {
                state.Code, state.Name, state.AsOf,
                status = WireName.Of(state.Convention.Status),
                document = state.Write(),
            },
            transaction);

    private static async Task UpsertDocumentsAsync(DbConnection connection, DbTransaction transaction, string table, IEnumerable<(string Id, object Document)> rows)
    {
        var order = 0;
        foreach (var (id, document) in rows)
        {
            await connection.ExecuteAsync(
                $"""
                INSERT INTO {table} (id, sort_order, document) VALUES (@id, @order, @document)
                ON CONFLICT (id) DO UPDATE SET sort_order = excluded.sort_order, document = excluded.document
                """,
                new { id, order = order++, document = JsonSerializer.Serialize(document, document.GetType(), JsonDefaults.Options) },
                transaction);
        }
    }


    /// <summary>The demo clients of seeds/demo/clients.json; none when the file is not there.</summary>
    public IReadOnlyList<SeedClient> DemoClients() =>
        File.Exists(Path.Combine(options.Path, DemoClientsFile)) ? Read<ClientsFile>(DemoClientsFile).Clients : [];

    private const string DemoClientsFile = "demo/clients.json";

    private T Read<T>(string relativePath)
    {
        var path = Path.Combine(options.Path, relativePath);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, JsonDefaults.Options)
               ?? throw new InvalidDataException($"Seed file {path} is empty.");
    }
}
