using FastEndpoints;

namespace AssistanceApi.Features.Requests.Messages.List;

public sealed class ListMessagesRequest : PageQuery;

public sealed class ListMessagesValidator : Validator<ListMessagesRequest>
{
    public ListMessagesValidator() => Include(new PageQueryValidator());
}
