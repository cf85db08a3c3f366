using System.ComponentModel.DataAnnotations;
using FastEndpoints;

namespace AssistanceApi.Features.Requests.ProvideInformation;

public sealed class ProvideInformationBody
{
    /// <summary>At least one answer.</summary>
    [MinLength(1), MaxLength(ActionText.MaxListItems)]
    public List<string>? Answers { get; init; }
}

public sealed class ProvideInformationValidator : Validator<ProvideInformationBody>
{
    public ProvideInformationValidator() =>
        ActionText.List(RuleFor(b => b.Answers), RuleForEach(b => b.Answers), b => b.Answers, "answers");
}
