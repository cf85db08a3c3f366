using FastEndpoints;

namespace AssistanceApi.Features.Requests.RequestInformation;

public sealed class RequestInformationBody
{
    /// <summary>At least one question.</summary>
    public List<string>? Questions { get; init; }
}

public sealed class RequestInformationValidator : Validator<RequestInformationBody>
{
    public RequestInformationValidator() =>
        ActionText.List(RuleFor(b => b.Questions), RuleForEach(b => b.Questions), b => b.Questions, "questions");
}
