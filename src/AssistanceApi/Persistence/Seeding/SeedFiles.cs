using AssistanceApi.Persistence.Documents;
using AssistanceApi.Treaty;

namespace AssistanceApi.Persistence.Seeding;

public sealed class StatesFile
{
    public string? About { get; init; }
    public DateOnly AsOf { get; init; }
    public List<StateDocument> States { get; init; } = [];
}

public sealed class ProvisionsFile
{
    public string? About { get; init; }
    public DateOnly AsOf { get; init; }
    public List<Provision> Provisions { get; init; } = [];
}

public sealed class OffencesFile
{
    public string? About { get; init; }
    public List<Offence> Offences { get; init; } = [];
}

public sealed class ClientsFile
{
    public string? About { get; init; }
    public List<SeedClient> Clients { get; init; } = [];
}

public sealed class SeedClient
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? State { get; init; }
    public required string Role { get; init; }
    public required string KeyHash { get; init; }
}
