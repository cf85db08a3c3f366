using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Create;

/// <summary>The body of POST /requests and POST /requests/validation.</summary>
public sealed class RequestBodyValidator : Validator<RequestContent>
{
    public RequestBodyValidator(KnownStates states) => Include(new RequestContentValidator(states));
}
