using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AssistanceApi.Domain;
using AssistanceApi.Features.Requests;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.States.Update;

public sealed class UpdateStateBody
{
    public ConventionStatus? Convention { get; init; }
    public Office? CentralAuthority { get; init; }
    public Office? ContactPoint { get; init; }
    [MaxLength(UpdateStateValidator.MaxLanguages)]
    public List<string>? AcceptedLanguages { get; init; }
    public Declarations? Declarations { get; init; }

    /// <summary>Where this information comes from (a notification to the Secretary-General, a note verbale).</summary>
    public string? Source { get; init; }

    /// <summary>Read-only, so that the entry GET returned can be sent back: ignored when it is the path's code, else 400.</summary>
    /// <remarks>Named apart from the route's {code}, which would otherwise fill it.</remarks>
    [JsonPropertyName("code")]
    [DontBind(FastEndpoints.Source.RouteParam | FastEndpoints.Source.QueryParam | FastEndpoints.Source.FormField)]
    public string? EntryCode { get; init; }

    /// <summary>Read-only: ignored when it is the stored name, else 400.</summary>
    [DontBind(FastEndpoints.Source.RouteParam | FastEndpoints.Source.QueryParam | FastEndpoints.Source.FormField)]
    public string? Name { get; init; }

    /// <summary>Read-only, set by the server to the day of the edit: ignored when it is the stored asOf, else 400.</summary>
    [DontBind(FastEndpoints.Source.RouteParam | FastEndpoints.Source.QueryParam | FastEndpoints.Source.FormField)]
    public DateOnly? AsOf { get; init; }
}

public sealed class UpdateStateValidator : Validator<UpdateStateBody>
{
    public const int MaxLanguages = 20;

    public UpdateStateValidator()
    {
        RuleFor(b => b.Convention).NotNull().WithErrorCode("required").WithMessage("convention is required.");
        RuleFor(b => b.Convention!).SetValidator(new ConventionValidator()).When(b => b.Convention is not null);
        RuleFor(b => b.CentralAuthority!).SetValidator(new OfficeValidator()).When(b => b.CentralAuthority is not null);
        RuleFor(b => b.ContactPoint!).SetValidator(new OfficeValidator()).When(b => b.ContactPoint is not null);
        RuleFor(b => b.AcceptedLanguages).NotNull().WithErrorCode("required").WithMessage("acceptedLanguages is required (may be empty).");
        RuleFor(b => b.AcceptedLanguages!).Must(l => l.Count <= MaxLanguages && l.Distinct().Count() == l.Count).When(b => b.AcceptedLanguages is not null)
            .WithErrorCode("invalid-languages").WithMessage($"acceptedLanguages lists each language once, at most {MaxLanguages}.");
        RuleForEach(b => b.AcceptedLanguages).Must(l => l is not null && IsoLanguages.Codes.Contains(l)).WithErrorCode(IsoLanguages.InvalidCode)
            .WithMessage("each language must be an ISO 639-1 code, lower case (en).").When(b => b.AcceptedLanguages is { Count: <= MaxLanguages });
        RuleFor(b => b.Declarations).NotNull().WithErrorCode("required").WithMessage("declarations is required.");
        RequestContentValidator.Text(RuleFor(b => b.Source), RequestContentValidator.ShortText);
    }

    private sealed class ConventionValidator : AbstractValidator<ConventionStatus>
    {
        public ConventionValidator()
        {
            RuleFor(c => c).Must(c => c.Status != ConventionStatusKind.None || c is { SignedOn: null, RatifiedOn: null, InForceOn: null })
                .WithName("status").WithErrorCode("inconsistent-status").WithMessage("a State with status none has no signature, ratification or entry-into-force date.");
            RuleFor(c => c).Must(c => c.Status != ConventionStatusKind.Signatory || c is { RatifiedOn: null, InForceOn: null })
                .WithName("status").WithErrorCode("inconsistent-status").WithMessage("a signatory has not ratified: ratifiedOn and inForceOn stay empty.");
            RuleFor(c => c).Must(c => c.Status != ConventionStatusKind.Party || c is { RatifiedOn: not null, InForceOn: not null })
                .WithName("status").WithErrorCode("inconsistent-status").WithMessage("a Party has ratifiedOn and inForceOn.");
            RuleFor(c => c.SignedOn).CalendarDate("signedOn");
            RuleFor(c => c.RatifiedOn).CalendarDate("ratifiedOn");
            RuleFor(c => c.InForceOn).CalendarDate("inForceOn");
            // Each names the date that comes too early, a field of the body.
            RuleFor(c => c.RatifiedOn).Must((c, ratified) => InOrder(c.SignedOn, ratified))
                .WithErrorCode("dates-out-of-order").WithMessage("ratifiedOn may not be before signedOn (signedOn ≤ ratifiedOn ≤ inForceOn).");
            RuleFor(c => c.InForceOn).Must((c, inForce) => InOrder(c.RatifiedOn, inForce) && InOrder(c.SignedOn, inForce))
                .WithErrorCode("dates-out-of-order").WithMessage("inForceOn may not be before ratifiedOn or signedOn (signedOn ≤ ratifiedOn ≤ inForceOn).");
        }

        private static bool InOrder(DateOnly? first, DateOnly? then) => first is null || then is null || first <= then;
    }

    private sealed class OfficeValidator : AbstractValidator<Office>
    {
        public OfficeValidator()
        {
            RuleFor(o => o.Name).NotEmpty().WithErrorCode("required").WithMessage("name is required.");
            RequestContentValidator.Text(RuleFor(o => o.Name), RequestContentValidator.ShortText);
            RequestContentValidator.Text(RuleFor(o => o.Phone), 50);
            RuleFor(o => o.Email).SingleLine(254).EmailAddress().WithErrorCode("invalid-email").WithMessage("email must be an e-mail address.");
        }
    }
}
