using System.Text.Json;
using AssistanceApi.Audit;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.History;

public sealed class HistoryRequest : PageQuery;

public sealed class HistoryValidator : Validator<HistoryRequest>
{
    public HistoryValidator() => Include(new PageQueryValidator());
}

/// <summary>
/// One page of the trail, oldest first. chainValid and chainError judge the whole chain, and the request row against
/// it, whichever page is read; chainError is null when the chain is valid.
/// </summary>
public sealed record HistoryResponse(IReadOnlyList<HistoryEvent> Events, bool ChainValid, ChainError? ChainError, string? NextCursor);

public sealed record HistoryEvent(
    long Sequence, DateTimeOffset At, string Action, string? ActorState, Guid ActorClient, string? FromStatus, string? ToStatus,
    JsonElement Details, string PreviousHash, string Hash);
