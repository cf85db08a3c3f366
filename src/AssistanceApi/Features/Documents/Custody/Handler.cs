using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Persistence;
using Mediator;

namespace AssistanceApi.Features.Documents.Custody;

public sealed record ReadCustodyQuery(Caller Caller, Guid RequestId, Guid DocumentId) : IQuery<CustodyLogView>;

public sealed class CustodyLogView
{
    public required IReadOnlyList<CustodyEntry> Items { get; init; }
    public bool ChainValid { get; init; }
}

public sealed class CustodyEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>uploaded, downloaded or superseded.</summary>
    public string Action { get; init; } = "";

    public required CustodyActor Actor { get; init; }

    /// <summary>SHA-256 of the document; for a download the range sent, for a supersession the reason.</summary>
    public JsonElement Details { get; init; }

    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}

public sealed class CustodyActor
{
    public string? State { get; init; }
    public string? Role { get; init; }
    public Guid? ClientId { get; init; }
}

public sealed class Handler(Database database, RequestPresenter presenter, ChainKeys keys) : IQueryHandler<ReadCustodyQuery, CustodyLogView>
{
    public async ValueTask<CustodyLogView> Handle(ReadCustodyQuery query, CancellationToken ct)
    {
        await using (var connection = await database.OpenAsync(ct))
        {
            await DocumentAccess.VisibleRequestAsync(connection, query.RequestId, query.Caller, presenter.Now);
            await DocumentRecord.LoadAsync(connection, query.RequestId, query.DocumentId);
        }
        var (entries, valid) = await CustodyLog.ReadAsync(database, query.DocumentId, keys, ct);
        return new CustodyLogView
        {
            ChainValid = valid,
            Items = entries.Select(e => new CustodyEntry
            {
                Sequence = e.Sequence, At = e.At, Action = e.Action, PreviousHash = e.PreviousHash, Hash = e.Hash,
                Actor = new CustodyActor { State = e.ActorState, Role = e.ActorRole, ClientId = e.ActorClient },
                Details = JsonDocument.Parse(e.Details).RootElement.Clone(),
            }).ToList(),
        };
    }
}
