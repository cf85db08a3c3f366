using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.Withdraw;

public sealed class WithdrawBody
{
    /// <summary>Why the assistance is no longer required.</summary>
    public string? Reason { get; init; }
}

public sealed class WithdrawValidator : Validator<WithdrawBody>
{
    public WithdrawValidator() => ActionText.Required(RuleFor(b => b.Reason), "reason");
}
