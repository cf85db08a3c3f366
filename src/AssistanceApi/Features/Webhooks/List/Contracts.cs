using FastEndpoints;

namespace AssistanceApi.Features.Webhooks.List;

public sealed class ListWebhooksRequest : PageQuery;

public sealed class ListWebhooksValidator : Validator<ListWebhooksRequest>
{
    public ListWebhooksValidator() => Include(new PageQueryValidator());
}
