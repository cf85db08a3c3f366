using AssistanceApi.Domain;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Acknowledge;

public sealed class AcknowledgeBody
{
    /// <summary>The requested State's own file number.</summary>
    public string? RequestedReference { get; init; }

    /// <summary>Required when the request is confidential (Art. 40(20)).</summary>
    public ConfidentialityAnswer? Confidentiality { get; init; }
}

public sealed class AcknowledgeValidator : Validator<AcknowledgeBody>
{
    public AcknowledgeValidator() => RequestContentValidator.Text(RuleFor(b => b.RequestedReference), RequestContentValidator.ShortText);
}
