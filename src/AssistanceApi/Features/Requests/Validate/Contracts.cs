using AssistanceApi.Treaty;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.Validate;

/// <summary>The body of POST /requests/validation: well-formed content (<see cref="RequestContentValidator"/>) before the rules run on it.</summary>
public sealed class BodyValidator : Validator<RequestContent>
{
    public BodyValidator(KnownStates states) => Include(new RequestContentValidator(states));
}
