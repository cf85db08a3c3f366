using System.Text.Json;
using AssistanceApi.Http;
using AssistanceApi.Treaty;
using Dapper;

namespace AssistanceApi.Persistence.Seeding;

/// <summary>
/// Reads the seeded provisions, offences and State codes into the in-memory catalogue the rules cite from and the set
/// of known States, once the database is migrated and seeded.
/// </summary>
public sealed class CatalogueLoader(Database database, ProvisionCatalogue catalogue, KnownStates states)
{
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var provisions = (await connection.QueryAsync<string>("SELECT document FROM provisions ORDER BY sort_order"))
            .Select(d => JsonSerializer.Deserialize<Provision>(d, JsonDefaults.Options)!);
        var offences = (await connection.QueryAsync<string>("SELECT document FROM offences ORDER BY sort_order"))
            .Select(d => JsonSerializer.Deserialize<Offence>(d, JsonDefaults.Options)!);
        catalogue.Load(provisions, offences);
        states.Load(await connection.QueryAsync<string>("SELECT code FROM states"));
    }
}
