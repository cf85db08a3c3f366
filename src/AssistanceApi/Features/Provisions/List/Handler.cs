using System.Globalization;
using System.Text.Json;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Provisions.List;

public sealed record ListProvisionsQuery(int? Article, int Limit, string? After) : IQuery<Page<Provision>>;

public sealed class Handler(Database database) : IQueryHandler<ListProvisionsQuery, Page<Provision>>
{
    public async ValueTask<Page<Provision>> Handle(ListProvisionsQuery query, CancellationToken ct)
    {
        // Provisions are numbered from 0 (sort_order): no cursor reads from before the first.
        var after = Cursor.Sequence(query.After) ?? -1;
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(string Document, int SortOrder)>(
            $"""
            SELECT document AS Document, sort_order AS SortOrder FROM provisions
            WHERE sort_order > @after {(query.Article is null ? "" : "AND (id = @prefix OR id LIKE @prefix || '-%')")}
            ORDER BY sort_order LIMIT @take
            """,
            new { after, prefix = $"uncc-{query.Article}", take = query.Limit + 1 })).ToList();
        var page = Page<(string Document, int SortOrder)>.From(rows, query.Limit, r => r.SortOrder.ToString(CultureInfo.InvariantCulture));
        return new Page<Provision>
        {
            Items = page.Items.Select(r => JsonSerializer.Deserialize<Provision>(r.Document, JsonDefaults.Options)!).ToList(),
            NextCursor = page.NextCursor,
        };
    }
}
