using AssistanceApi.Auth;
using AssistanceApi.Features.Requests;
using AssistanceApi.Treaty;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Clients.Create;

public sealed class CreateClientBody
{
    /// <summary>ISO alpha-3 code; absent for the secretariat.</summary>
    public string? State { get; init; }

    /// <summary>central-authority | contact-point | state-admin | secretariat (the secretariat only through the server's CLI).</summary>
    public string? Role { get; init; }

    public string? Name { get; init; }
}

public sealed class CreateClientValidator : Validator<CreateClientBody>
{
    public CreateClientValidator(KnownStates states)
    {
        RuleFor(b => b.Role).NotEmpty().WithErrorCode("required").WithMessage("role is required.");
        RuleFor(b => b.Role).Must(r => r is null || ClientRoles.All.Contains(r)).WithErrorCode("invalid-role")
            .WithMessage("role must be central-authority, contact-point, state-admin or secretariat.");
        RuleFor(b => b.State).Must(states.Contains!).When(b => b.Role is not null && ClientRoles.OfAState.Contains(b.Role)).WithErrorCode("invalid-state-code")
            .WithMessage("state must be the ISO 3166-1 alpha-3 code (upper case) of a UN Member State.");
        RuleFor(b => b.State).Null().When(b => b.Role == ClientRoles.Secretariat).WithErrorCode("not-applicable")
            .WithMessage("the secretariat belongs to no State: leave state out.");
        RuleFor(b => b.Name).NotEmpty().WithErrorCode("required").WithMessage("name is required.");
        RequestContentValidator.Text(RuleFor(b => b.Name), RequestContentValidator.ShortText);
    }
}
