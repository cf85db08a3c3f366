using AssistanceApi.Auth;
using AssistanceApi.Persistence;
using AssistanceApi.Treaty;
using Dapper;
using Mediator;

namespace AssistanceApi.Features.Requests.List;

public sealed record ListRequestsQuery(Caller Caller, ListRequestsRequest Filter) : IQuery<Page<RequestResource>>;

public sealed class Handler(Database database, TimeProvider clock, RequestPresenter presenter) : IQueryHandler<ListRequestsQuery, Page<RequestResource>>
{
    private static readonly string[] TerminalStatuses = Lifecycle.Terminal.Select(WireName.Of).ToArray();

    public async ValueTask<Page<RequestResource>> Handle(ListRequestsQuery query, CancellationToken ct)
    {
        var (caller, filter) = query;
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        // AccessRules.MaySee as SQL: outgoing in any status, incoming once submitted.
        var rows = (await connection.QueryAsync<RequestRecord>(
            $"""
            SELECT {RequestRecord.Columns} FROM requests
            WHERE status <> 'discarded'
              AND ((@outgoing AND requesting_state = @state) OR (@incoming AND requested_state = @state AND status <> 'draft'))
              AND (NOT @contactPoint OR kind <> 'mutual-legal-assistance')
              AND (@status IS NULL OR status = @status)
              AND (@kind IS NULL OR kind = @kind)
              AND (@counterpart IS NULL OR requesting_state = @counterpart OR requested_state = @counterpart)
              AND (NOT @overdue OR (due_at < @now AND status <> 'draft' AND status NOT IN @terminal))
              AND (@expiringBefore IS NULL OR (status = 'preserved' AND preserved_until >= @now AND preserved_until <= @expiringBefore))
              AND (@after IS NULL OR id < @after)
            ORDER BY id DESC LIMIT @take
            """,
            new
            {
                state = caller.State,
                outgoing = filter.Direction is null or "outgoing",
                incoming = filter.Direction is null or "incoming",
                contactPoint = caller.Role == ClientRoles.ContactPoint,
                status = filter.Status,
                kind = filter.Kind,
                counterpart = filter.Counterpart,
                overdue = filter.Overdue == true,
                now,
                terminal = TerminalStatuses,
                expiringBefore = filter.ExpiringWithinDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null,
                after = filter.After,
                take = filter.Take + 1,
            })).ToList();
        var page = Page<RequestRecord>.From(rows, filter.Take, r => r.Id.ToString("D"));
        return new Page<RequestResource>
        {
            Items = page.Items.Select(r => presenter.Present(r, caller)).ToList(),
            NextCursor = page.NextCursor,
        };
    }
}
