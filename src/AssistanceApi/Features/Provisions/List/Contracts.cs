using AssistanceApi.Treaty;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Provisions.List;

public sealed class ListProvisionsRequest : PageQuery
{
    /// <summary>Only the provisions of this article.</summary>
    [QueryParam] public int? Article { get; init; }
}

public sealed class ListProvisionsValidator : Validator<ListProvisionsRequest>
{
    public ListProvisionsValidator()
    {
        Include(new PageQueryValidator());
        RuleFor(r => r.Article).InclusiveBetween(1, Convention.Articles).WithErrorCode("invalid-article")
            .WithMessage($"article must be between 1 and {Convention.Articles}.");
    }
}
