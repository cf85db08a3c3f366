using System.Text.Json;
using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AssistanceApi.Features.Requests.Get;

public sealed record GetRequestQuery(Caller Caller, Guid Id) : IQuery<SentRequest>;

/// <summary>A <c>RequestResource</c> at its version: its bytes when kept, else written as it is sent.</summary>
public sealed record SentRequest(long Version, byte[]? Json, WrittenRequest? Written = null);

public sealed class Handler(Database database, RequestPresenter presenter, KeptRequests kept, IOptions<JsonOptions> json)
    : IQueryHandler<GetRequestQuery, SentRequest>
{
    // The endpoints' own serializer settings (FastEndpoints takes ASP.NET Core's), so a kept request escapes as every response does.
    private readonly JsonSerializerOptions _wire = json.Value.SerializerOptions;

    public async ValueTask<SentRequest> Handle(GetRequestQuery query, CancellationToken ct)
    {
        var key = KeptRequests.Key.Of(query.Caller, query.Id);
        if (kept.TryGet(key, out var bytes, out var version)) return new SentRequest(version, bytes);
        var before = kept.CountBefore(query.Id);
        await using var connection = await database.OpenAsync(ct);
        var now = presenter.Now;
        var row = await RequestRecord.LoadVisibleAsync(connection, query.Id, query.Caller, now, withRowId: kept.Enabled);
        var written = presenter.Written(row, query.Caller, now);
        if (!kept.Enabled) return new SentRequest(row.Version, null, written);
        bytes = JsonSerializer.SerializeToUtf8Bytes(written, _wire);
        kept.Keep(key, before, row, bytes, now);
        return new SentRequest(row.Version, bytes);
    }
}
