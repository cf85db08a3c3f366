using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.States.List;

public sealed class ListStatesRequest : PageQuery
{
    /// <summary>true: only States Parties; false: only States that are not Parties.</summary>
    [QueryParam] public bool? Party { get; init; }
}

public sealed class ListStatesValidator : Validator<ListStatesRequest>
{
    public ListStatesValidator() => Include(new PageQueryValidator());
}
