using System.Text.Json.Nodes;
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
    /// <summary>Every status but discarded, which no list shows.</summary>
    private static readonly string[] ListedStatuses =
        Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Discarded).Select(s => WireName.Of(s)).ToArray();

    public ListRequestsValidator(KnownStates states)
    {
        Include(new PageQueryValidator());
        // Named as a body's enum field is when it is none of its values (unknown-enum-value, the values listed).
        RuleFor(r => r.Direction).Must(d => d is null or "incoming" or "outgoing").WithErrorCode(JsonFieldErrors.UnknownEnumValue)
            .WithMessage((_, d) => JsonFieldErrors.NotOneOf("direction", ["incoming", "outgoing"], JsonValue.Create(d)).Reason);
        RuleFor(r => r.Status).Must(s => s is null || ListedStatuses.Contains(s))
            .WithErrorCode(JsonFieldErrors.UnknownEnumValue).WithMessage((_, s) => JsonFieldErrors.NotOneOf("status", ListedStatuses, JsonValue.Create(s)).Reason);
        RuleFor(r => r.Kind).Must(k => k is null || WireName.TryParse<Domain.RequestKind>(k, out _))
            .WithErrorCode(JsonFieldErrors.UnknownEnumValue)
            .WithMessage((_, k) => JsonFieldErrors.NotAnEnumValue("kind", typeof(Domain.RequestKind), k!).Reason);
        RuleFor(r => r.Counterpart).Must(c => c is null || states.Contains(c)).WithErrorCode("invalid-state-code")
            .WithMessage("counterpart must be the ISO 3166-1 alpha-3 code (upper case) of a UN Member State.");
        RuleFor(r => r.ExpiringWithinDays).InclusiveBetween(0, 3650).WithErrorCode("invalid-days")
            .WithMessage("expiringWithinDays must be between 0 and 3650.");
    }
}
