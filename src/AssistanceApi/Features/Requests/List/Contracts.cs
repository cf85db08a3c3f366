using AssistanceApi.Domain;
using AssistanceApi.Http;
using AssistanceApi.Treaty;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Requests.List;

public sealed class ListRequestsRequest : PageQuery
{
    /// <summary>incoming | outgoing; both when absent.</summary>
    [QueryParam] public string? Direction { get; init; }

    /// <summary>A status, e.g. in-execution.</summary>
    [QueryParam] public string? Status { get; init; }

    /// <summary>mutual-legal-assistance | expedited-preservation | traffic-data-disclosure.</summary>
    [QueryParam] public string? Kind { get; init; }

    /// <summary>The other State's code.</summary>
    [QueryParam] public string? Counterpart { get; init; }

    /// <summary>true: open requests past their dueAt.</summary>
    [QueryParam] public bool? Overdue { get; init; }

    /// <summary>Preserved requests whose preservation ends within this many days.</summary>
    [QueryParam] public int? ExpiringWithinDays { get; init; }
}

public sealed class ListRequestsValidator : Validator<ListRequestsRequest>
{
    public ListRequestsValidator(KnownStates states)
    {
        Include(new PageQueryValidator());
        RuleFor(r => r.Direction).Must(d => d is null or "incoming" or "outgoing").WithErrorCode("invalid-direction")
            .WithMessage("direction must be incoming or outgoing.");
        RuleFor(r => r.Status).Must(s => s is null || (WireName.TryParse<RequestStatus>(s, out var v) && v != RequestStatus.Discarded))
            .WithErrorCode("invalid-status").WithMessage("status must be one of the request statuses, e.g. in-execution.");
        RuleFor(r => r.Kind).Must(k => k is null || WireName.TryParse<Domain.RequestKind>(k, out _))
            .WithErrorCode("invalid-kind").WithMessage("kind must be mutual-legal-assistance, expedited-preservation or traffic-data-disclosure.");
        RuleFor(r => r.Counterpart).Must(c => c is null || states.Contains(c)).WithErrorCode("invalid-state-code")
            .WithMessage("counterpart must be the ISO 3166-1 alpha-3 code (upper case) of a UN Member State.");
        RuleFor(r => r.ExpiringWithinDays).InclusiveBetween(0, 3650).WithErrorCode("invalid-days")
            .WithMessage("expiringWithinDays must be between 0 and 3650.");
    }
}
