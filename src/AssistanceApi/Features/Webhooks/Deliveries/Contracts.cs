using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.Deliveries;

public sealed class ListDeliveriesRequest : PageQuery;

public sealed class ListDeliveriesValidator : Validator<ListDeliveriesRequest>
{
    public ListDeliveriesValidator() => Include(new PageQueryValidator());
}
