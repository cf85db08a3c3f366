using System.ComponentModel.DataAnnotations;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.RequestInformation;

public sealed class RequestInformationBody
{
    /// <summary>At least one question.</summary>
    [MinLength(1), MaxLength(ActionText.MaxListItems)]
    public List<string>? Questions { get; init; }
}

public sealed class RequestInformationValidator : Validator<RequestInformationBody>
{
    public RequestInformationValidator() =>
        ActionText.List(RuleFor(b => b.Questions), RuleForEach(b => b.Questions), b => b.Questions, "questions");
}
