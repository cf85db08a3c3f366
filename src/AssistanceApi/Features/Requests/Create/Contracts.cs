using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Create;

/// <summary>The body of POST /requests: well-formed content (<see cref="RequestContentValidator"/>); the treaty waits for submit.</summary>
public sealed class BodyValidator : Validator<RequestContent>
{
    public BodyValidator(KnownStates states) => Include(new RequestContentValidator(states));
}
