using System.Text.RegularExpressions;
using AssistanceApi.Features.States;
using AssistanceApi.Treaty;
using FluentValidation;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// Well-formedness of request content: every present field must have the right form. Completeness is the
/// treaty's business and is checked at submission (<see cref="TreatyRules"/>), so drafts may be partial.
/// </summary>
public sealed partial class RequestContentValidator : AbstractValidator<RequestContent>
{
    public const int ShortText = FreeText.ShortLength;
    public const int LongText = FreeText.LongLength;
    public const int MaxOffences = 50;
    public const int MaxMeasures = 16;
    public const int MaxPersons = 100;
    public const int MaxCategories = 3;
    public const int MaxIdentifiers = 100;

    public RequestContentValidator(KnownStates states)
    {
        RuleFor(r => r.Kind).NotNull().WithErrorCode("required").WithMessage("kind is required.");
        RuleFor(r => r.RequestedState).NotNull().WithErrorCode("required").WithMessage("requestedState is required.");
        RuleFor(r => r.RequestedState).Must(states.Contains!).When(r => r.RequestedState is not null).WithErrorCode("invalid-state-code")
            .WithMessage("requestedState must be the ISO 3166-1 alpha-3 code (upper case) of a UN Member State.");
        RuleFor(r => r.Language!).Must(IsoLanguages.Codes.Contains).When(r => r.Language is not null)
            .WithErrorCode(IsoLanguages.InvalidCode).WithMessage(IsoLanguages.LanguageReason);

        RuleFor(r => r.RequestingAuthority!).SetValidator(new AuthorityValidator()).When(r => r.RequestingAuthority is not null);
        RuleFor(r => r.Proceeding!).SetValidator(new ProceedingValidator()).When(r => r.Proceeding is not null);
        // Every list: its length first, and the rules of its items only when it is within it, so a body of
        // 200,000 empty items costs one comparison, not 200,000 findings.
        RuleFor(r => r.Offences!).Must(o => o.Count <= MaxOffences).WithErrorCode("too-many").WithMessage($"at most {MaxOffences} offences.")
            .When(r => r.Offences is not null);
        RuleForEach(r => r.Offences).NotNull().WithErrorCode("required").WithMessage("an offence may not be null.")
            .SetValidator(new OffenceValidator()).When(r => r.Offences is { Count: <= MaxOffences });
        // On the list, not in OffenceValidator, so the error names the offence (offences[1]) as the treaty check does.
        RuleForEach(r => r.Offences).Must(o => o is null || o.Article is not null || !string.IsNullOrWhiteSpace(o.Description))
            .WithErrorCode("required").WithMessage($"an offence needs an article ({Convention.OffenceArticles}) or a description with maxPenaltyYears.")
            .When(r => r.Offences is { Count: <= MaxOffences });
        RuleFor(r => r.Measures!).Must(m => m.Count <= MaxMeasures && m.Distinct().Count() == m.Count)
            .WithErrorCode("invalid-measures").WithMessage("measures must list each measure once.")
            .When(r => r.Measures is not null);
        RuleFor(r => r.Persons!).Must(p => p.Count <= MaxPersons).WithErrorCode("too-many").WithMessage($"at most {MaxPersons} persons.")
            .When(r => r.Persons is not null);
        RuleForEach(r => r.Persons).NotNull().WithErrorCode("required").WithMessage("a person may not be null.")
            .SetValidator(new PersonValidator()).When(r => r.Persons is { Count: <= MaxPersons });
        RuleFor(r => r.Preservation!).SetValidator(new PreservationValidator()).When(r => r.Preservation is not null);
        RuleFor(r => r.ElectronicData!).SetValidator(new ElectronicDataValidator()).When(r => r.ElectronicData is not null);

        Text(RuleFor(r => r.Facts), LongText);
        Text(RuleFor(r => r.AssistanceSought), LongText);
        Text(RuleFor(r => r.Procedures), LongText);
        Text(RuleFor(r => r.Purpose), LongText);
        Text(RuleFor(r => r.UrgencyReasons), LongText);
        Text(RuleFor(r => r.EmergencyJustification), LongText);
        Text(RuleFor(r => r.DeadlineReasons), LongText);
        RuleFor(r => r.Deadline).CalendarDate("deadline");
    }

    /// <summary><see cref="FreeText"/>: texts up to <see cref="ShortText"/> are single lines, longer ones keep their line breaks.</summary>
    public static void Text<T>(IRuleBuilderInitial<T, string?> rule, int max)
    {
        if (max > ShortText) rule.MultiLine(max);
        else rule.SingleLine(max);
    }

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    public static partial Regex Alpha3();

    private sealed class AuthorityValidator : AbstractValidator<Authority>
    {
        public AuthorityValidator()
        {
            Text(RuleFor(a => a.Name), ShortText);
            Text(RuleFor(a => a.Functions), ShortText);
            Text(RuleFor(a => a.Phone), 50);
            RuleFor(a => a.Email).SingleLine(254).EmailAddress().WithErrorCode("invalid-email")
                .WithMessage("email must be an e-mail address.");
        }
    }

    private sealed class ProceedingValidator : AbstractValidator<Proceeding>
    {
        public ProceedingValidator()
        {
            Text(RuleFor(p => p.Subject), LongText);
            Text(RuleFor(p => p.Reference), ShortText);
            RuleFor(p => p.ConductingAuthority!).SetValidator(new AuthorityValidator()).When(p => p.ConductingAuthority is not null);
        }
    }

    private sealed class OffenceValidator : AbstractValidator<OffenceClaim>
    {
        public OffenceValidator()
        {
            RuleFor(o => o.Article).InclusiveBetween(1, Convention.Articles).WithErrorCode("invalid-article")
                .WithMessage($"article must be an article of the Convention (1–{Convention.Articles}).");
            Text(RuleFor(o => o.Description), ShortText);
            RuleFor(o => o.MaxPenaltyYears).InclusiveBetween(0m, 100m).WithErrorCode("invalid-penalty")
                .WithMessage("maxPenaltyYears must be between 0 and 100.");
        }
    }

    private sealed class PersonValidator : AbstractValidator<PersonConcerned>
    {
        public PersonValidator()
        {
            Text(RuleFor(p => p.Name), ShortText);
            Text(RuleFor(p => p.Location), ShortText);
            RuleFor(p => p.Nationality!).Matches(Alpha3()).When(p => p.Nationality is not null)
                .WithErrorCode("invalid-state-code").WithMessage("nationality must be an ISO 3166-1 alpha-3 code, upper case.");
        }
    }

    private sealed class PreservationValidator : AbstractValidator<PreservationDetails>
    {
        public PreservationValidator()
        {
            Text(RuleFor(p => p.Custodian), ShortText);
            Text(RuleFor(p => p.SystemLocation), ShortText);
            Text(RuleFor(p => p.Data), LongText);
            Text(RuleFor(p => p.RelationshipToOffence), LongText);
            Text(RuleFor(p => p.Necessity), LongText);
            RuleFor(p => p.PeriodDays).InclusiveBetween(1, 3650).WithErrorCode("invalid-period")
                .WithMessage("periodDays must be between 1 and 3650.");
        }
    }

    private sealed class ElectronicDataValidator : AbstractValidator<ElectronicData>
    {
        public ElectronicDataValidator()
        {
            RuleFor(e => e.Categories!).Must(c => c.Count <= MaxCategories && c.Distinct().Count() == c.Count).When(e => e.Categories is not null)
                .WithErrorCode("invalid-categories").WithMessage("categories must list each category once.");
            RuleFor(e => e.Identifiers!).Must(i => i.Count <= MaxIdentifiers).When(e => e.Identifiers is not null)
                .WithErrorCode("too-many").WithMessage($"at most {MaxIdentifiers} identifiers.");
            RuleForEach(e => e.Identifiers).NotEmpty().WithErrorCode("required").WithMessage("an identifier may not be empty.")
                .SingleLine().When(e => e.Identifiers is { Count: <= MaxIdentifiers });
            RuleFor(e => e.DurationDays).InclusiveBetween(1, 3650).WithErrorCode("invalid-period")
                .WithMessage("durationDays must be between 1 and 3650.");
            RuleFor(e => e.From).CalendarDate("from", CalendarDates.FirstDataYear);
            RuleFor(e => e.To).CalendarDate("to", CalendarDates.FirstDataYear);
            RuleFor(e => e).Must(e => e.From is null || e.To is null || e.From <= e.To).WithName("to")
                .WithErrorCode("invalid-period").WithMessage("to must not be before from.");
        }
    }
}
